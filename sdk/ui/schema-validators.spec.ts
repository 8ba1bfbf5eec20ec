import { Component, viewChild } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, FormsModule, NgModel } from '@angular/forms';
import { z } from 'zod';
import {
  asSentence,
  fieldOf,
  fieldValidator,
  SchemaValidator,
  schemaIssue,
  schemaMessage,
  SCHEMA_ERROR,
} from './schema-validators.js';

const Schema = z
  .object({
    name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(4, '名称最多 4 个字符'),
    note: z.string().trim().max(3).optional(),
    count: z.number().int().min(1, '数量至少 1'),
  })
  .refine((value) => value.name !== 'x', { message: '名称不能是 x', path: ['name'] });

describe('fieldValidator', () => {
  it("answers the schema's own Chinese message of the first issue, and null for a valid value", () => {
    const control = new FormControl('', { validators: fieldValidator(fieldOf(Schema, 'name')) });
    expect(control.errors).toEqual({ [SCHEMA_ERROR]: { message: '请填写名称', code: 'too_small' } });
    expect(schemaMessage(control.errors)).toBe('请填写名称');

    control.setValue('五个字太长');
    expect(schemaMessage(control.errors)).toBe('名称最多 4 个字符');
    expect(control.getError(SCHEMA_ERROR)?.code).toBe('too_big');

    // The schema trims before it counts, as the host does.
    control.setValue('  四个字啊  ');
    expect(control.errors).toBeNull();
    expect(control.valid).toBeTrue();
  });

  it('checks an empty control as a missing value: an optional field accepts it, a required one names itself', () => {
    const note = new FormControl<string | null>(null, {
      validators: fieldValidator(fieldOf(Schema, 'note')),
    });
    expect(note.errors).toBeNull();
    const name = new FormControl<string | null>(null, {
      validators: fieldValidator(fieldOf(Schema, 'name')),
    });
    expect(schemaMessage(name.errors)).toBe('请填写名称');
  });

  it('words an issue the schema names no message for in Chinese (zod zh-CN), as the host does', () => {
    const note = new FormControl('abcd', { validators: fieldValidator(fieldOf(Schema, 'note')) });
    const message = schemaMessage(note.errors) ?? '';
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).toContain('3');
    const count = new FormControl(1.5, { validators: fieldValidator(fieldOf(Schema, 'count')) });
    expect(schemaMessage(count.errors)).toMatch(/[\u4e00-\u9fff]/);
    count.setValue(0);
    expect(schemaMessage(count.errors)).toBe('数量至少 1');
  });

  it('takes a field of a refined object schema; a whole schema validates a group', () => {
    expect(schemaIssue(fieldOf(Schema, 'count'), 2)).toBeNull();
    const group = new FormGroup(
      { name: new FormControl('x'), count: new FormControl(2) },
      { validators: fieldValidator(Schema) },
    );
    expect(schemaMessage(group.errors)).toBe('名称不能是 x');
    group.controls.name.setValue('好');
    expect(group.errors).toBeNull();
  });

  it('has no message without a schema error', () => {
    expect(schemaMessage(null)).toBeNull();
    expect(schemaMessage(undefined)).toBeNull();
    expect(schemaMessage({ required: true })).toBeNull();
  });
});

describe('asSentence', () => {
  it('ends a schema phrase with 。 once', () => {
    expect(asSentence('附言最多 100 个字，请删减附言后再发送')).toBe(
      '附言最多 100 个字，请删减附言后再发送。',
    );
    expect(asSentence('请填写链接（「分享」→「复制链接」）')).toBe('请填写链接（「分享」→「复制链接」）。');
    expect(asSentence('已经是句子。')).toBe('已经是句子。');
  });
});

@Component({
  imports: [FormsModule, SchemaValidator],
  template: `<input name="name" [(ngModel)]="value" [wlSchema]="schema" #model="ngModel" />
    <p>{{ message(model.errors) }}</p>`,
})
class TemplateField {
  readonly schema = fieldOf(Schema, 'name');
  value = '';
  readonly model = viewChild.required(NgModel);
  protected readonly message = schemaMessage;
}

describe('SchemaValidator ([wlSchema])', () => {
  it('validates a template-driven field by its schema and shows the message', async () => {
    const fixture = TestBed.createComponent(TemplateField);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(fixture.componentInstance.model().invalid).toBeTrue();
    expect(element.querySelector('p')?.textContent).toContain('请填写名称');

    const input = element.querySelector('input') as HTMLInputElement;
    input.value = '好名字';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.componentInstance.model().valid).toBeTrue();
    expect(element.querySelector('p')?.textContent?.trim()).toBe('');
  });
});

import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { newPasswordRules, sameAs } from './form-rules.js';
import { PasswordField } from './password-field.js';

@Component({
  imports: [ReactiveFormsModule, PasswordField],
  template: `
    <form [formGroup]="form">
      <wl-password-field
        [control]="form.controls.password"
        label="密码"
        autocomplete="new-password"
        testid="pw"
        hint="至少 12 位"
        [confirm]="withConfirm ? form.controls.confirm : null"
        confirmTestid="pw-confirm"
      />
    </form>
  `,
})
class Host {
  withConfirm = true;
  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: newPasswordRules }),
    confirm: new FormControl('', { nonNullable: true, validators: [sameAs('password')] }),
  });
}

describe('PasswordField', () => {
  function render(withConfirm: boolean) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.withConfirm = withConfirm;
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const input = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    return { fixture, el, input };
  }

  it('binds the caller’s controls and shows or hides both inputs with one button', async () => {
    const { fixture, el, input } = render(true);
    input('pw')!.value = 'Wizard2026pass';
    input('pw')!.dispatchEvent(new Event('input'));
    input('pw-confirm')!.value = 'Wizard2026pass';
    input('pw-confirm')!.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(fixture.componentInstance.form.valid).toBeTrue();
    expect(input('pw')!.type).toBe('password');
    const toggle = el.querySelector<HTMLButtonElement>('button.toggle')!;
    expect(toggle.getAttribute('aria-label')).toBe('显示密码');
    toggle.click();
    fixture.detectChanges();
    expect(input('pw')!.type).toBe('text');
    expect(input('pw-confirm')!.type).toBe('text');
    expect(toggle.getAttribute('aria-label')).toBe('隐藏密码');
    expect(el.querySelector('wl-password-strength')).not.toBeNull();
    expect(el.textContent).toContain('至少 12 位');
  });

  it('is a single input without a confirmation', () => {
    const { el, input } = render(false);
    expect(input('pw')).not.toBeNull();
    expect(input('pw-confirm')).toBeNull();
    expect(el.querySelector('wl-password-strength')).toBeNull();
  });
});

// A form's rules from the channel's input schema (docs/plugin-development.md): the
// field is checked by the same zod schema the host checks the call with, so both say the same thing.
import { Directive, effect, input } from '@angular/core';
import {
  NG_VALIDATORS,
  type AbstractControl,
  type ValidationErrors,
  type Validator,
  type ValidatorFn,
} from '@angular/forms';
import { z } from 'zod';

/** The error key a schema validator sets on a control. */
export const SCHEMA_ERROR = 'schema';

/** The value under `errors.schema`: the first zod issue of the field. */
export interface SchemaIssue {
  /** The schema's Chinese message (zod's zh-CN text where the schema names none). */
  message: string;
  /** zod's issue code: `too_big`, `invalid_format`, `custom`… */
  code: string;
}

// Issues the schema gives no message of its own are worded in Chinese, as the host's router words them.
const chinese = z.locales.zhCN().localeError;

/** The first issue of a value against a schema; null when it passes. */
export function schemaIssue(schema: z.ZodType, value: unknown): SchemaIssue | null {
  const result = schema.safeParse(value, { error: chinese });
  if (result.success) return null;
  const [issue] = result.error.issues;
  return issue === undefined ? null : { message: issue.message, code: issue.code };
}

/**
 * An Angular validator from a field's schema: `{ schema: { message, code } }` with the issue's Chinese
 * message, or null. An empty control (null) is checked as a missing value (`undefined`), so an
 * optional field accepts it and a required one gives its "请填写…" message.
 */
export function fieldValidator(schema: z.ZodType): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const issue = schemaIssue(schema, control.value ?? undefined);
    return issue === null ? null : { [SCHEMA_ERROR]: issue };
  };
}

/**
 * The same for a template-driven field: `<input [(ngModel)]="…" [wlSchema]="useridSchema" #m="ngModel">`,
 * then `schemaMessage(m.errors)` in its `<mat-error>`.
 */
@Directive({
  selector: '[wlSchema]',
  providers: [{ provide: NG_VALIDATORS, useExisting: SchemaValidator, multi: true }],
})
export class SchemaValidator implements Validator {
  readonly wlSchema = input.required<z.ZodType>();
  private changed: (() => void) | null = null;

  constructor() {
    // A new schema checks the value again.
    effect(() => {
      this.wlSchema();
      this.changed?.();
    });
  }

  validate(control: AbstractControl): ValidationErrors | null {
    return fieldValidator(this.wlSchema())(control);
  }

  registerOnValidatorChange(changed: () => void): void {
    this.changed = changed;
  }
}

/** One field's schema of an object schema (refined or not): `fieldOf(CreateLiveSchema, 'theme')`. */
export function fieldOf<S extends z.ZodObject, K extends keyof S['shape'] & string>(
  schema: S,
  key: K,
): S['shape'][K] {
  return schema.shape[key] as S['shape'][K];
}

/** The schema message of a control's errors (null when it has none): for `<mat-error>`. */
export function schemaMessage(errors: ValidationErrors | null | undefined): string | null {
  const issue = errors?.[SCHEMA_ERROR] as SchemaIssue | undefined;
  return issue?.message ?? null;
}

/** A schema message (a phrase, as the host puts it after the field) as a sentence for a banner: ends in 。. */
export function asSentence(message: string): string {
  return /[。！？]$/u.test(message) ? message : `${message}。`;
}

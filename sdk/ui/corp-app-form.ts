import {
  FormControl,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import type { z } from 'zod';
import { CorpFieldsSchema } from '../contracts/corps-channels.js';
import { UseridSchema, UsernameSchema } from '../contracts/users-channels.js';
import { fieldValidator, schemaMessage, SCHEMA_ERROR } from './schema-validators.js';

/**
 * The form side of a corp app's fields: each input is checked by the field's schema in the channels'
 * declarations (`CorpFieldsSchema`, `UseridSchema`, `UsernameSchema`), the very schema the host checks
 * the call with, so a form lets through only what the host accepts (R2.8) and says it in the host's
 * words. The schemas trim, as the host does.
 */

/** The current values of an edited corp app; a new one starts empty. */
export interface CorpAppValues {
  corpname?: string;
  corpid?: string;
  agentid?: number;
}

/**
 * The four inputs of a corp app. `secretRequired: false` (editing a saved corp) lets the Secret stay
 * empty, meaning "keep the saved one".
 */
export function corpFieldControls(values: CorpAppValues = {}, options: { secretRequired?: boolean } = {}) {
  const secretRequired = options.secretRequired ?? true;
  return {
    corpname: new FormControl(values.corpname ?? '', {
      nonNullable: true,
      validators: [Validators.required, notBlank, whenFilled(CorpFieldsSchema.shape.corpname)],
    }),
    corpid: new FormControl(values.corpid ?? '', {
      nonNullable: true,
      validators: [Validators.required, whenFilled(CorpFieldsSchema.shape.corpid)],
    }),
    corpsecret: new FormControl('', {
      nonNullable: true,
      validators: [
        ...(secretRequired ? [Validators.required] : []),
        whenFilled(CorpFieldsSchema.shape.corpsecret),
      ],
    }),
    agentid: new FormControl(values.agentid === undefined ? '' : String(values.agentid), {
      nonNullable: true,
      validators: [Validators.required, whenFilled(CorpFieldsSchema.shape.agentid)],
    }),
  };
}

export function useridControl(required = false): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [...(required ? [Validators.required] : []), whenFilled(UseridSchema)],
  });
}

export function usernameControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [whenFilled(UsernameSchema)] });
}

/** A value that is only spaces counts as missing. */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  return typeof control.value === 'string' && control.value !== '' && control.value.trim() === ''
    ? { required: true }
    : null;
}

/**
 * The field's schema on a typed value; an empty input is left to `Validators.required` (or means "keep
 * the saved one", as an edited corp's Secret).
 */
export function whenFilled(schema: z.ZodType): ValidatorFn {
  const validator = fieldValidator(schema);
  return (control) => (String(control.value ?? '').trim() === '' ? null : validator(control));
}

/** The one line under an invalid input. */
export function controlError(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (errors === null || errors === undefined) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required'] === true) return `请填写${label}`;
  if (errors[SCHEMA_ERROR] !== undefined) return schemaMessage(errors) ?? `${label}不正确`;
  if (errors['maxlength'] !== undefined) return `${label}最多 ${errors['maxlength'].requiredLength} 个字符`;
  if (errors['mismatch'] === true) return '两次输入的密码不一致';
  return `${label}不正确`;
}

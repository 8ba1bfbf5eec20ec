import {
  FormControl,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import {
  CORP_FIELD_MESSAGES,
  CORPID_PATTERN,
  CORPNAME_MAX_LENGTH,
  CORPSECRET_PATTERN,
  isAgentidText,
  USERID_MAX_LENGTH,
  USERID_PATTERN,
  USERNAME_MAX_LENGTH,
} from '../contracts/corp-app.js';

/**
 * The form side of a corp app's fields (sdk/contracts/corp-app.ts): the same rules as the host's input
 * schemas, so that a form lets through only what the host accepts (R2.8). Values are trimmed before
 * they are judged, as the host trims them.
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
      validators: [Validators.required, Validators.maxLength(CORPNAME_MAX_LENGTH), notBlank],
    }),
    corpid: new FormControl(values.corpid ?? '', {
      nonNullable: true,
      validators: [Validators.required, trimmedRule((value) => CORPID_PATTERN.test(value), 'corpid')],
    }),
    corpsecret: new FormControl('', {
      nonNullable: true,
      validators: [
        ...(secretRequired ? [Validators.required] : []),
        trimmedRule((value) => CORPSECRET_PATTERN.test(value), 'corpsecret'),
      ],
    }),
    agentid: new FormControl(values.agentid === undefined ? '' : String(values.agentid), {
      nonNullable: true,
      validators: [Validators.required, trimmedRule(isAgentidText, 'agentid')],
    }),
  };
}

export function useridControl(required = false): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [
      ...(required ? [Validators.required] : []),
      Validators.maxLength(USERID_MAX_LENGTH),
      trimmedRule((value) => USERID_PATTERN.test(value), 'userid'),
    ],
  });
}

export function usernameControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.maxLength(USERNAME_MAX_LENGTH)] });
}

/** A value that is only spaces counts as missing. */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  return typeof control.value === 'string' && control.value !== '' && control.value.trim() === ''
    ? { required: true }
    : null;
}

/** `{format: field}` when the trimmed, non-empty value fails `test`. */
export function trimmedRule(test: (value: string) => boolean, field: string): ValidatorFn {
  return (control) => {
    const value = String(control.value ?? '').trim();
    return value === '' || test(value) ? null : { format: field };
  };
}

/** The message of a `{format: field}` error, in the one wording of sdk/contracts/corp-app.ts. */
export function formatMessage(field: string): string | undefined {
  return (CORP_FIELD_MESSAGES as Record<string, string>)[field];
}

/** The one line under an invalid input. */
export function controlError(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (errors === null || errors === undefined) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required'] === true) return `请填写${label}`;
  if (typeof errors['format'] === 'string') return formatMessage(errors['format']) ?? `${label}格式不正确`;
  if (errors['minlength'] !== undefined) return `${label}至少 ${errors['minlength'].requiredLength} 位`;
  if (errors['maxlength'] !== undefined) return `${label}最多 ${errors['maxlength'].requiredLength} 个字符`;
  if (errors['commonPassword'] === true) return '密码太常见，容易被猜到，请换一个';
  if (errors['mismatch'] === true) return '两次输入的密码不一致';
  return `${label}不正确`;
}

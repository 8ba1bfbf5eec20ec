import {
  FormControl,
  Validators,
  type AbstractControl,
  type FormGroup,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import type { RpcErrorBody } from '../../../../sdk/contracts/errors.js';
import {
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../../../sdk/contracts/password-rules.js';
import { describeError, errorField } from '../../../../sdk/ui/error-text.js';

/**
 * The rules of the host's input schemas (corp-store.ts, account-channels.ts, NewPasswordSchema), checked
 * in the form as well so that the login button lights up only for inputs the host will accept (R2.8).
 */
export const CORPID_PATTERN = /^[A-Za-z0-9]{6,64}$/;
export const CORPSECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
export const AGENTID_PATTERN = /^[1-9]\d{0,11}$/;
export const USERID_PATTERN = /^[A-Za-z0-9_.@-]*$/;

const MESSAGES: Record<string, string> = {
  corpid: '企业ID 应为 6–64 位字母或数字',
  corpsecret: '应用Secret 应为 16–128 位字母、数字、_ 或 -',
  agentid: 'AgentId 应为正整数',
  userid: '用户ID 只能包含字母、数字和 _ . @ -',
};

/** The four inputs of a corp app, as the login page and the wizard's corp step both ask for them. */
export function corpFieldControls() {
  return {
    corpname: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(50), notBlank],
    }),
    corpid: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, trimmedPattern(CORPID_PATTERN, 'corpid')],
    }),
    corpsecret: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, trimmedPattern(CORPSECRET_PATTERN, 'corpsecret')],
    }),
    agentid: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, trimmedPattern(AGENTID_PATTERN, 'agentid')],
    }),
  };
}

export function useridControl(): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(64), trimmedPattern(USERID_PATTERN, 'userid')],
  });
}

export function usernameControl(): FormControl<string> {
  return new FormControl('', { nonNullable: true, validators: [Validators.maxLength(64)] });
}

/**
 * A new local password (root-admin, a WeCom admin's first login): at least 12 characters, at most 128,
 * and not a common one — the host's rule (sdk/contracts/password-rules.ts).
 */
export const newPasswordRules: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
  (control) => {
    const value = String(control.value ?? '');
    return value.length < PASSWORD_MIN_LENGTH || !isCommonPassword(value) ? null : { commonPassword: true };
  },
];

/** On the confirmation control: equal to the control named `of` in the same group. */
export function sameAs(of: string): ValidatorFn {
  return (control) => {
    const other = control.parent?.get(of);
    if (other === null || other === undefined || control.value === '') return null;
    return control.value === other.value ? null : { mismatch: true };
  };
}

function notBlank(control: AbstractControl): ValidationErrors | null {
  return typeof control.value === 'string' && control.value !== '' && control.value.trim() === ''
    ? { required: true }
    : null;
}

function trimmedPattern(pattern: RegExp, field: string): ValidatorFn {
  return (control) => {
    const value = String(control.value ?? '').trim();
    return value === '' || pattern.test(value) ? null : { format: field };
  };
}

/** The one line under an invalid input. */
export function controlError(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (errors === null || errors === undefined) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required'] === true) return `请填写${label}`;
  if (typeof errors['format'] === 'string') return MESSAGES[errors['format']] ?? `${label}格式不正确`;
  if (errors['minlength'] !== undefined) return `${label}至少 ${errors['minlength'].requiredLength} 位`;
  if (errors['maxlength'] !== undefined) return `${label}最多 ${errors['maxlength'].requiredLength} 个字符`;
  if (errors['commonPassword'] === true) return '密码太常见，容易被猜到，请换一个';
  if (errors['mismatch'] === true) return '两次输入的密码不一致';
  return `${label}不正确`;
}

/**
 * Puts a host error on the input it names (details.field, mapped through `aliases` for fields the form
 * calls differently). Answers false when no input of the form fits: the caller shows a banner instead.
 */
export function showOnField(
  form: FormGroup,
  error: RpcErrorBody,
  aliases: Record<string, string> = {},
): boolean {
  const field = errorField(error);
  if (field === null) return false;
  const control = form.get(aliases[field] ?? field);
  if (control === null || control.disabled) return false;
  control.setErrors({ server: describeError(error) });
  control.markAsTouched();
  return true;
}

import { Validators, type FormGroup, type ValidatorFn } from '@angular/forms';
import type { RpcErrorBody } from '../../../../sdk/contracts/errors.js';
import { NewPasswordSchema } from '../../../../sdk/contracts/auth-channels.js';
import { describeError, errorField } from '../../../../sdk/ui/error-text.js';
import { fieldValidator } from '../../../../sdk/ui/schema-validators.js';

// The corp app's inputs live in sdk/ui/corp-app-form.ts (the settings dialogs use them too).
export {
  controlError,
  corpFieldControls,
  useridControl,
  usernameControl,
} from '../../../../sdk/ui/corp-app-form.js';

const newPassword = fieldValidator(NewPasswordSchema);

/**
 * A new local password (root-admin, a WeCom admin's first login): the host's `NewPasswordSchema` (at
 * least 12 characters, at most 128, not a common one), in its words.
 */
export const newPasswordRules: ValidatorFn[] = [
  Validators.required,
  (control) => (control.value === '' ? null : newPassword(control)),
];

/** On the confirmation control: equal to the control named `of` in the same group. */
export function sameAs(of: string): ValidatorFn {
  return (control) => {
    const other = control.parent?.get(of);
    if (other === null || other === undefined || control.value === '') return null;
    return control.value === other.value ? null : { mismatch: true };
  };
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

import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { ReactiveFormsModule, type FormControl } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PasswordStrength } from '../../../../sdk/ui/password-strength.js';
import { controlError } from './form-rules.js';
import { Glyph } from './glyph.js';

/**
 * A local password input with its show/hide button, as root-admin's login, the wizard's password step,
 * the recovery form and a WeCom admin's login ask for it. With `confirm`, a new password: the strength
 * meter and the confirmation input follow (the button shows both). The controls stay in the caller's
 * form group; the host element takes no box of its own, so the inputs lay out as the form's own.
 */
@Component({
  selector: 'wl-password-field',
  imports: [ReactiveFormsModule, MatIconButton, MatFormFieldModule, MatInput, Glyph, PasswordStrength],
  changeDetection: ChangeDetectionStrategy.Default,
  templateUrl: './password-field.html',
  styleUrl: './password-field.scss',
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  /** How the error line names the value (`请填写密码`). */
  readonly errorLabel = input('密码');
  readonly autocomplete = input('current-password');
  readonly testid = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** The confirmation of a new password; null for a password that is only entered. */
  readonly confirm = input<FormControl<string> | null>(null);
  readonly confirmLabel = input('确认密码');
  readonly confirmTestid = input<string | null>(null);
  protected readonly show = signal(false);
  protected readonly error = controlError;
}

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
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [formControl]="control()"
        [type]="show() ? 'text' : 'password'"
        [autocomplete]="autocomplete()"
        [attr.data-testid]="testid()"
      />
      <button
        matIconButton
        matSuffix
        type="button"
        class="toggle"
        [attr.aria-label]="show() ? '隐藏密码' : '显示密码'"
        [attr.aria-pressed]="show()"
        (click)="show.set(!show())"
      >
        <wl-glyph [name]="show() ? 'visibility_off' : 'visibility'" />
      </button>
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
      <mat-error>{{ error(control(), errorLabel()) }}</mat-error>
    </mat-form-field>
    @if (confirm(); as confirmControl) {
      <wl-password-strength [password]="control().value" />
      <mat-form-field>
        <mat-label>{{ confirmLabel() }}</mat-label>
        <input
          matInput
          [formControl]="confirmControl"
          [type]="show() ? 'text' : 'password'"
          autocomplete="new-password"
          [attr.data-testid]="confirmTestid()"
        />
        <mat-error>{{ error(confirmControl, '确认密码') }}</mat-error>
      </mat-form-field>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    mat-form-field {
      width: 100%;
    }
    .toggle {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
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

import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcClient, RpcError } from '../../../../sdk/ui/rpc-client.js';
import { controlError, newPasswordRules, sameAs, showOnField } from './form-rules.js';
import { Glyph } from './glyph.js';
import { PasswordField } from './password-field.js';
import { RecoveryCodeCard } from './recovery-code-card.js';
import { AUTH_RECOVER_ROOT } from '../../../../sdk/contracts/auth-channels.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/**
 * Forgot root-admin's password (R2.11): the recovery code from setup sets a new password once, and a new
 * code replaces it (shown once). Without the code, the data folder's `reset-root` command is the way.
 */
@Component({
  selector: 'wl-root-recovery',
  imports: [
    PasswordField,
    ReactiveFormsModule,
    MatButton,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    Glyph,
    RecoveryCodeCard,
  ],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './root-recovery.html',
  styleUrl: './login-form.scss',
})
export class RootRecovery {
  private readonly rpc = inject(RpcClient);
  protected readonly error = controlError;
  readonly finished = output();
  readonly form = new FormGroup({
    recoveryCode: new FormControl('', {
      nonNullable: true,
      validators: [(c) => (c.value.trim() ? null : { required: true })],
    }),
    newPassword: new FormControl('', { nonNullable: true, validators: newPasswordRules }),
    confirm: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('newPassword')],
    }),
  });
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);
  protected readonly newCode = signal<string | null>(null);
  protected readonly saved = signal(false);

  constructor() {
    this.form.controls.newPassword.valueChanges.subscribe(() =>
      this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const { recoveryCode } = await this.rpc.call(AUTH_RECOVER_ROOT, {
        recoveryCode: this.form.controls.recoveryCode.value.trim(),
        newPassword: this.form.controls.newPassword.value,
      });
      this.newCode.set(recoveryCode);
    } catch (error) {
      const body = error instanceof RpcError ? error.body : null;
      if (body === null) this.banner.set('重设失败，请稍后重试。');
      else if (!showOnField(this.form, body)) this.banner.set(describeError(body));
    } finally {
      this.busy.set(false);
    }
  }
}

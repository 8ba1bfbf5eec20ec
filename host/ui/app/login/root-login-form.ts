import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { MatButton } from '@angular/material/button';

import { MatProgressBar } from '@angular/material/progress-bar';
import type { RpcErrorBody } from '../../../../sdk/contracts/errors.js';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcClient, RpcError } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { showOnField } from './form-rules.js';
import { Glyph } from './glyph.js';
import { PasswordField } from './password-field.js';
import { RetryCountdown } from './retry-countdown.js';
import { RootRecovery } from './root-recovery.js';
import { AUTH_LOGIN } from '../../../../sdk/contracts/auth-channels.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/** root-admin's login (R2.5): the local password only, `{kind:'root'}`; and the way back via a recovery code. */
@Component({
  selector: 'wl-root-login-form',
  imports: [PasswordField, ReactiveFormsModule, MatButton, MatProgressBar, Glyph, RootRecovery],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './root-login-form.html',
  styleUrl: './login-form.scss',
})
export class RootLoginForm {
  private readonly rpc = inject(RpcClient);
  private readonly session = inject(AppSession);
  private readonly router = inject(Router);

  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  readonly busy = signal(false);
  readonly banner = signal<string | null>(null);
  protected readonly recovering = signal(false);
  readonly countdown = new RetryCountdown(inject(DestroyRef));

  canSubmit(): boolean {
    return this.form.valid && !this.busy() && this.countdown.seconds() === 0;
  }

  async submit(): Promise<void> {
    if (!this.canSubmit()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      const result = await this.rpc.call(AUTH_LOGIN, {
        kind: 'root',
        password: this.form.controls.password.value,
      });
      this.session.signedIn(result);
      await this.router.navigateByUrl('/');
    } catch (error) {
      if (error instanceof RpcError) await this.showError(error.body);
      else this.banner.set('登录失败，请稍后重试。');
    } finally {
      this.busy.set(false);
    }
  }

  private async showError(error: RpcErrorBody): Promise<void> {
    // No root password yet: the first-run wizard sets it.
    if (error.code === 'CONFLICT' && error.details?.['firstRun'] === true) {
      await this.router.navigateByUrl('/setup');
      return;
    }
    if (error.code === 'RATE_LIMITED' && typeof error.details?.['retryAfterMs'] === 'number') {
      this.countdown.start(error.details['retryAfterMs']);
    }
    if (!showOnField(this.form, error)) this.banner.set(describeError(error));
  }
}

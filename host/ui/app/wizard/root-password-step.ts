import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';

import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { newPasswordRules, sameAs, showOnField } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { PasswordField } from '../login/password-field.js';
import { RecoveryCodeCard } from '../login/recovery-code-card.js';
import { SetupFlow } from './setup-flow.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/** Step 2: root-admin's password with confirmation (auth.setupRoot), then the recovery code, shown once. */
@Component({
  selector: 'wl-root-password-step',
  imports: [PasswordField, ReactiveFormsModule, MatButton, MatProgressBar, Glyph, RecoveryCodeCard],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './root-password-step.html',
  styleUrl: './wizard-step.scss',
})
export class RootPasswordStep {
  protected readonly flow = inject(SetupFlow);
  readonly next = output();
  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: newPasswordRules }),
    confirm: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('password')],
    }),
  });
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);

  constructor() {
    this.form.controls.password.valueChanges.subscribe(() =>
      this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }),
    );
  }

  async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      await this.flow.setupRoot(this.form.controls.password.value);
      this.form.reset();
    } catch (error) {
      if (!(error instanceof RpcError)) this.banner.set('设置失败，请稍后重试。');
      else if (error.code === 'CONFLICT') {
        // Set meanwhile (another window): continue; the corp step asks for that password.
        this.flow.adoptExistingRoot();
        this.next.emit();
      } else if (!showOnField(this.form, error.body)) this.banner.set(describeError(error.body));
    } finally {
      this.busy.set(false);
    }
  }
}

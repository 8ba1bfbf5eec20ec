import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { controlError, showOnField } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { SetupFlow } from './setup-flow.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/** A resumed wizard without a session: root-admin's password once more, to go on as root-admin. */
@Component({
  selector: 'wl-root-reauth',
  imports: [ReactiveFormsModule, MatButton, MatFormFieldModule, MatInput, MatProgressBar, Glyph],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './root-reauth.html',
  styleUrl: './wizard-step.scss',
})
export class RootReauth {
  private readonly flow = inject(SetupFlow);
  protected readonly error = controlError;
  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);

  async submit(): Promise<void> {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.banner.set(null);
    try {
      await this.flow.loginRoot(this.form.controls.password.value);
    } catch (error) {
      const body = error instanceof RpcError ? error.body : null;
      if (body === null) this.banner.set('登录失败，请稍后重试。');
      else if (!showOnField(this.form, body)) this.banner.set(describeError(body));
    } finally {
      this.busy.set(false);
    }
  }
}

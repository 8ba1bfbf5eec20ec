import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { controlError, corpFieldControls, showOnField } from '../login/form-rules.js';
import { CorpAppFields } from '../../../../sdk/ui/corp-app-fields.js';
import { Glyph } from '../login/glyph.js';
import { AdminAdder } from './admin-adder.js';
import { RootReauth } from './root-reauth.js';
import { SetupFlow } from './setup-flow.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/**
 * Step 3 (skippable): the first corp app, checked with WeCom before it is saved (corps.save runs
 * gettoken + agent/get as root-admin); on success the app's name shows, and WeCom admins can be added.
 */
@Component({
  selector: 'wl-corp-step',
  imports: [
    CorpAppFields,
    ReactiveFormsModule,
    MatButton,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    AdminAdder,
    FieldHint,
    Glyph,
    RootReauth,
  ],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./wizard-step.scss', './corp-step.scss'],
  templateUrl: './corp-step.component.html',
})
export class CorpStep {
  protected readonly flow = inject(SetupFlow);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly error = controlError;
  readonly next = output();
  readonly form = new FormGroup(corpFieldControls());
  readonly busy = signal(false);
  readonly banner = signal<string | null>(null);
  /** Typing a corp anew after one was saved. */
  protected readonly editing = signal(false);

  async check(): Promise<void> {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.banner.set(null);
    const value = this.form.getRawValue();
    try {
      await this.flow.saveCorp({
        corpname: value.corpname.trim(),
        corpid: value.corpid.trim(),
        corpsecret: value.corpsecret.trim(),
        agentid: Number(value.agentid.trim()),
      });
      this.editing.set(false);
      this.form.controls.corpsecret.reset();
    } catch (error) {
      const body = error instanceof RpcError ? error.body : null;
      if (body === null) this.banner.set('检测失败，请稍后重试。');
      else if (!showOnField(this.form, body)) {
        this.banner.set(
          body.code === 'WECOM_IP_NOT_ALLOWED'
            ? `${describeError(body)} 可先跳过本步，按下一步的说明设置可信 IP 后，再到「设置 → 企业配置」中添加。`
            : describeError(body),
        );
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected edit(): void {
    const corp = this.flow.progress().corp;
    if (corp !== null) {
      this.form.patchValue({ corpname: corp.corpname, corpid: corp.corpid, agentid: String(corp.agentid) });
    }
    this.editing.set(true);
  }

  protected skip(): void {
    this.flow.skipCorp();
    this.next.emit();
  }
}

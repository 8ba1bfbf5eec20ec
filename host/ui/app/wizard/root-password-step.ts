import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { newPasswordRules, sameAs, showOnField } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { PasswordField } from '../login/password-field.js';
import { RecoveryCodeCard } from '../login/recovery-code-card.js';
import { SetupFlow } from './setup-flow.js';

/** Step 2: root-admin's password with confirmation (auth.setupRoot), then the recovery code, shown once. */
@Component({
  selector: 'wl-root-password-step',
  imports: [PasswordField, ReactiveFormsModule, MatButton, MatProgressBar, Glyph, RecoveryCodeCard],
  providers: [
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>设置超级管理员密码</h2>
    @if (!flow.progress().rootDone) {
      <p class="lead">超级管理员（root-admin）负责本机的企业、用户、插件等配置，每次登录都需要输入此密码。</p>
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        @if (banner(); as text) {
          <div class="banner" role="alert">
            <wl-glyph name="error" /><span>{{ text }}</span>
          </div>
        }
        <!-- For password managers: the account this password belongs to. -->
        <input type="text" name="username" autocomplete="username" value="root-admin" hidden />
        <wl-password-field
          [control]="form.controls.password"
          label="密码"
          autocomplete="new-password"
          testid="setup-password"
          hint="至少 12 位，不能是常见密码"
          [confirm]="form.controls.confirm"
          confirmTestid="setup-password-confirm"
        />
        <div class="actions">
          <button
            matButton="filled"
            type="submit"
            [disabled]="form.invalid || busy()"
            data-testid="setup-root"
          >
            设置密码
          </button>
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在设置" />
        }
      </form>
    } @else if (flow.recoveryCode(); as code) {
      <div class="success">
        <wl-glyph name="check_circle" />
        <div>
          <strong>密码已设置</strong>
          <p>请保存下面的恢复码，然后继续。</p>
        </div>
      </div>
      <wl-recovery-code-card
        [code]="code"
        [saved]="flow.progress().recoverySaved"
        (savedChange)="flow.update({ recoverySaved: $event })"
      />
      <div class="actions">
        <button
          matButton="filled"
          type="button"
          [disabled]="!flow.progress().recoverySaved"
          (click)="next.emit()"
          data-testid="root-next"
        >
          下一步
        </button>
      </div>
    } @else {
      <div class="success">
        <wl-glyph name="check_circle" />
        <div>
          <strong>超级管理员密码已设置</strong>
          <p>恢复码已在设置时显示过一次。</p>
        </div>
      </div>
      <div class="actions">
        <button matButton="filled" type="button" (click)="next.emit()">下一步</button>
      </div>
    }
  `,
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

import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { PasswordStrength } from '../../../../sdk/ui/password-strength.js';
import { RpcError } from '../../../../sdk/ui/rpc-client.js';
import { controlError, newPasswordRules, sameAs, showOnField } from '../login/form-rules.js';
import { Glyph } from '../login/glyph.js';
import { RecoveryCodeCard } from '../login/recovery-code-card.js';
import { SetupFlow } from './setup-flow.js';

/** Step 2: root-admin's password with confirmation (auth.setupRoot), then the recovery code, shown once. */
@Component({
  selector: 'wl-root-password-step',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatIconButton,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    Glyph,
    PasswordStrength,
    RecoveryCodeCard,
  ],
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
        <mat-form-field>
          <mat-label>密码</mat-label>
          <input
            matInput
            formControlName="password"
            [type]="show() ? 'text' : 'password'"
            autocomplete="new-password"
            data-testid="setup-password"
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
          <mat-hint>至少 12 位，不能是常见密码</mat-hint>
          <mat-error>{{ error(form.controls.password, '密码') }}</mat-error>
        </mat-form-field>
        <wl-password-strength [password]="form.controls.password.value" />
        <mat-form-field>
          <mat-label>确认密码</mat-label>
          <input
            matInput
            formControlName="confirm"
            [type]="show() ? 'text' : 'password'"
            autocomplete="new-password"
            data-testid="setup-password-confirm"
          />
          <mat-error>{{ error(form.controls.confirm, '确认密码') }}</mat-error>
        </mat-form-field>
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
  protected readonly error = controlError;
  readonly next = output();
  readonly form = new FormGroup({
    password: new FormControl('', { nonNullable: true, validators: newPasswordRules }),
    confirm: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, sameAs('password')],
    }),
  });
  protected readonly show = signal(false);
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

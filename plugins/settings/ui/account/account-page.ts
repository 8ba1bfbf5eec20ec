import { Component, computed, inject, signal, viewChild } from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
  type ValidatorFn,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { passwordProblem } from '../../../../sdk/contracts/password-rules.js';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { PasswordStrength } from '../../../../sdk/ui/password-strength.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { THEME_LABELS, THEME_MODES, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { Notifier } from '../shared/notifier.js';
import { SettingsAccess } from '../settings-access.js';

/** The host's rule for local passwords (NewPasswordSchema), checked here too so mistakes show at once. */
const PASSWORD_RULE: ValidatorFn = (control) => {
  const value = typeof control.value === 'string' ? control.value : '';
  if (value === '') return null;
  const problem = passwordProblem(value);
  return problem === null ? null : { rule: problem };
};

const SAME_AS_NEW: ValidatorFn = (group) => {
  const form = group as FormGroup<{ newPassword: FormControl<string>; confirm: FormControl<string> }>;
  const confirm = form.controls.confirm;
  const mismatch = confirm.value !== '' && confirm.value !== form.controls.newPassword.value;
  // The error lives on the confirm field so it shows there.
  if (mismatch) confirm.setErrors({ ...(confirm.errors ?? {}), mismatch: true });
  else if (confirm.hasError('mismatch')) {
    const { mismatch: _removed, ...rest } = confirm.errors ?? {};
    confirm.setErrors(Object.keys(rest).length === 0 ? null : rest);
  }
  return null;
};

/** 账户: who is signed in; admins change their local password, users learn they need none. */
@Component({
  selector: 'wls-account-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    PasswordStrength,
    ReactiveFormsModule,
  ],
  template: `
    <section class="page" aria-labelledby="account-title">
      <header class="page-head">
        <div>
          <h2 id="account-title">账户</h2>
          <p class="sub">当前登录的账户。</p>
        </div>
      </header>
      <div class="grid">
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>{{ user()?.username || user()?.userid }}</mat-card-title>
            @if ((user()?.username || user()?.userid) !== tierLabel()) {
              <mat-card-subtitle>{{ tierLabel() }}</mat-card-subtitle>
            }
          </mat-card-header>
          <mat-card-content>
            <dl class="fields">
              <dt>用户ID</dt>
              <dd class="mono">{{ user()?.userid }}</dd>
              <dt>权限</dt>
              <dd>{{ tierLabel() }}</dd>
              <dt>企业</dt>
              <dd>{{ access.corp()?.corpname ?? '本机（不属于任何企业）' }}</dd>
              @if (access.corp(); as corp) {
                <dt>应用</dt>
                <dd>{{ corp.appName || '—' }}（AgentId {{ corp.agentid }}）</dd>
              }
            </dl>
            @if (access.tier() === 'user') {
              <p class="info" role="note">
                普通用户使用企业微信账号登录，无需密码。如需配置企业或管理用户，请联系企微管理员或超级管理员。
              </p>
            }
          </mat-card-content>
        </mat-card>

        <mat-card appearance="outlined" data-testid="appearance">
          <mat-card-header>
            <mat-card-title id="appearance-title">外观</mat-card-title>
            <mat-card-subtitle>在本机记住；登录页右上角也可切换。</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <mat-button-toggle-group
              class="themes"
              aria-labelledby="appearance-title"
              [value]="theme.mode()"
              (change)="chooseTheme($event.value)"
            >
              @for (mode of themeModes; track mode) {
                <mat-button-toggle [value]="mode">{{ themeLabels[mode] }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          </mat-card-content>
        </mat-card>

        @if (access.isAdmin()) {
          <mat-card appearance="outlined" class="password">
            @if (saving()) {
              <mat-progress-bar mode="indeterminate" aria-label="正在修改密码" />
            }
            <mat-card-header>
              <mat-card-title>修改本地密码</mat-card-title>
              <mat-card-subtitle>
                {{
                  access.isRoot()
                    ? '超级管理员每次登录都需要输入此密码。'
                    : '企微管理员每次登录都需要输入此密码。'
                }}
              </mat-card-subtitle>
            </mat-card-header>
            <form [formGroup]="form" (ngSubmit)="changePassword()">
              <mat-card-content class="form">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>原密码</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="oldPassword"
                    autocomplete="current-password"
                    required
                  />
                  @if (form.controls.oldPassword.hasError('server')) {
                    <mat-error>{{ serverError() }}</mat-error>
                  } @else {
                    <mat-error>请输入原密码</mat-error>
                  }
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>新密码</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="newPassword"
                    autocomplete="new-password"
                    required
                  />
                  <mat-hint>至少 12 位，不能是常见密码</mat-hint>
                  @if (form.controls.newPassword.getError('rule'); as rule) {
                    <mat-error>{{ rule }}</mat-error>
                  } @else if (form.controls.newPassword.hasError('server')) {
                    <mat-error>{{ serverError() }}</mat-error>
                  } @else {
                    <mat-error>请输入新密码</mat-error>
                  }
                </mat-form-field>
                <wl-password-strength [password]="form.controls.newPassword.value" />
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>确认新密码</mat-label>
                  <input
                    matInput
                    type="password"
                    formControlName="confirm"
                    autocomplete="new-password"
                    required
                  />
                  @if (form.controls.confirm.hasError('mismatch')) {
                    <mat-error>两次输入的新密码不一致</mat-error>
                  } @else {
                    <mat-error>请再输入一次新密码</mat-error>
                  }
                </mat-form-field>
                @if (formError(); as message) {
                  <p class="form-error" role="alert">{{ message }}</p>
                }
              </mat-card-content>
              <mat-card-actions align="end">
                <button matButton="filled" type="submit" [disabled]="saving()">修改密码</button>
              </mat-card-actions>
            </form>
          </mat-card>
        }
      </div>
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
      gap: 16px;
      align-items: start;
    }
    .themes {
      margin-top: 12px;
    }
    .password {
      position: relative;
      overflow: hidden;
    }
    .password mat-progress-bar {
      position: absolute;
      inset: 0 0 auto 0;
    }
    .form {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding-top: 12px;
    }
    .info {
      margin: 16px 0 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    .form-error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class AccountPage {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);
  protected readonly theme = inject(AppTheme);
  protected readonly themeLabels = THEME_LABELS;
  protected readonly themeModes = THEME_MODES;
  protected readonly user = this.access.user;
  protected readonly tierLabel = computed(() => {
    const tier = this.access.tier();
    return tier === null ? '' : TIER_LABELS[tier];
  });

  protected chooseTheme(mode: ThemeMode): void {
    this.theme.choose(mode);
  }

  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly serverError = signal('');
  protected readonly formError = signal<string | null>(null);
  protected readonly form = new FormGroup(
    {
      oldPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, PASSWORD_RULE],
      }),
      confirm: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [SAME_AS_NEW] },
  );

  protected async changePassword(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { oldPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set(null);
    try {
      await this.rpc.call('auth.changePassword', { oldPassword, newPassword });
      // resetForm also clears "submitted", so the emptied fields do not show errors.
      this.formDirective()?.resetForm();
      this.notifier.success('密码已修改，下次登录请使用新密码');
    } catch (error) {
      const field = fieldOf(error);
      const message = messageOf(error, '修改失败，请稍后重试。');
      if (field === 'oldPassword' || field === 'newPassword') {
        this.serverError.set(message);
        this.form.controls[field].setErrors({ server: true });
      } else this.formError.set(message);
    } finally {
      this.saving.set(false);
    }
  }
}

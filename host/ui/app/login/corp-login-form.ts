import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { RpcErrorBody } from '../../../../sdk/contracts/errors.js';
import { describeError, errorField } from '../../../../sdk/ui/error-text.js';
import { RpcClient, RpcError } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import {
  controlError,
  corpFieldControls,
  newPasswordRules,
  sameAs,
  showOnField,
  useridControl,
  usernameControl,
} from './form-rules.js';
import { CorpAppFields } from '../../../../sdk/ui/corp-app-fields.js';
import { Glyph } from './glyph.js';
import { PasswordField } from './password-field.js';
import { readLastLogin, writeLastLogin } from './last-login.js';
import { CORPS_LIST, type CorpView } from '../../../../sdk/contracts/corps-channels.js';
import { corpLoginInput, type PasswordNeed } from './login-input.js';
import { RetryCountdown } from './retry-countdown.js';
import { AUTH_LOGIN } from '../../../../sdk/contracts/auth-channels.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

/** The value of the corp dropdown that means "type a new corp's configuration". */
export const NEW_CORP = '__new__';

/** error: the login failed; warning: something needs fixing before it can work; info: what comes next. */
type Banner = { kind: 'error' | 'warning' | 'info'; text: string };

/**
 * The WeCom login (R2.2–R2.8): a saved corp chosen by name, or the four fields of a new corp app, plus
 * the optional userid and name; a WeCom admin's local password when the host asks for it.
 */
@Component({
  selector: 'wl-corp-login-form',
  imports: [
    CorpAppFields,
    PasswordField,
    ReactiveFormsModule,
    MatButton,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    MatSelectModule,
    FieldHint,
    Glyph,
  ],
  providers: [OUTLINED_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './corp-login-form.component.html',
  styleUrl: './login-form.scss',
})
export class CorpLoginForm implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly session = inject(AppSession);
  private readonly router = inject(Router);

  protected readonly hints = CORP_APP_HINTS;
  protected readonly NEW_CORP = NEW_CORP;
  protected readonly error = controlError;

  readonly form = new FormGroup({
    corpChoice: new FormControl(NEW_CORP, { nonNullable: true }),
    ...corpFieldControls(),
    userid: useridControl(),
    username: usernameControl(),
    password: new FormControl({ value: '', disabled: true }, { nonNullable: true }),
    initialCode: new FormControl({ value: '', disabled: true }, { nonNullable: true }),
    passwordConfirm: new FormControl({ value: '', disabled: true }, { nonNullable: true }),
  });

  /** Saved corps from `corps.list`; null while loading. */
  readonly corps = signal<CorpView[] | null>(null);
  private readonly choice = signal(NEW_CORP);
  /** The saved corp in use, or null when a new configuration is typed. */
  readonly savedCorp = computed(() => this.corps()?.find((corp) => corp.corpId === this.choice()) ?? null);
  readonly passwordNeed = signal<PasswordNeed>('none');
  /** For whom the password was asked: another userid is another account. */
  private passwordFor = '';
  readonly busy = signal(false);
  readonly banner = signal<Banner | null>(null);
  readonly countdown = new RetryCountdown(inject(DestroyRef));

  constructor() {
    const controls = this.form.controls;
    controls.corpChoice.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((choice) => this.applyChoice(choice));
    controls.userid.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.passwordNeed() !== 'none' && this.accountKey() !== this.passwordFor)
        this.setPasswordNeed('none');
    });
    // The confirmation is checked again whenever the password changes.
    controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => controls.passwordConfirm.updateValueAndValidity({ emitEvent: false }));
  }

  ngOnInit(): void {
    void this.loadCorps();
  }

  /** Login is offered only for complete, valid inputs (R2.8), never twice at once, never while locked. */
  canSubmit(): boolean {
    return this.form.valid && !this.busy() && this.countdown.seconds() === 0;
  }

  async loadCorps(): Promise<void> {
    let corps: CorpView[];
    try {
      corps = await this.rpc.call(CORPS_LIST);
    } catch (error) {
      corps = [];
      this.banner.set({ kind: 'error', text: messageOf(error, '无法读取已保存的企业') });
    }
    this.corps.set(corps);
    const last = readLastLogin();
    const preferred = corps.find((corp) => corp.corpId === last?.corpId) ?? corps[0];
    if (preferred === undefined) {
      this.form.controls.corpChoice.setValue(NEW_CORP);
      return;
    }
    if (last !== null && last.corpId === preferred.corpId) {
      this.form.patchValue({ userid: last.userid, username: last.username });
    }
    this.form.controls.corpChoice.setValue(preferred.corpId);
    if (last?.admin === true && last.corpId === preferred.corpId) this.setPasswordNeed('existing');
  }

  async submit(): Promise<void> {
    if (!this.canSubmit()) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.banner.set(null);
    const saved = this.savedCorp();
    const input = corpLoginInput(this.form.getRawValue(), saved?.corpId ?? null, this.passwordNeed());
    try {
      const result = await this.rpc.call(AUTH_LOGIN, input);
      writeLastLogin({
        corpId: result.corp?.corpId ?? '',
        userid: result.user.userid,
        username: result.user.username,
        admin: result.user.tier === 'wecom-admin',
      });
      this.session.signedIn(result);
      await this.router.navigateByUrl('/');
    } catch (error) {
      if (error instanceof RpcError) this.showError(error.body);
      else this.banner.set({ kind: 'error', text: '登录失败，请稍后重试。' });
    } finally {
      this.busy.set(false);
    }
  }

  /** Puts the host's answer where it belongs: under its input, as a password prompt, or as a banner. */
  showError(error: RpcErrorBody): void {
    const field = errorField(error);
    const saved = this.savedCorp();
    if ((field === 'password' || field === 'initialCode') && error.details?.['firstAdminLogin'] === true) {
      if (this.passwordNeed() !== 'first') {
        this.setPasswordNeed('first');
        this.banner.set({
          kind: 'info',
          text: '首次以企微管理员身份登录：请输入超级管理员给您的初始码，并设置本地密码，以后每次登录都需要输入此密码。',
        });
        return;
      }
    } else if (field === 'password' && error.code === 'UNAUTHENTICATED' && this.passwordNeed() === 'none') {
      // Not a mistake yet: the password input appears with the host's words above it.
      this.setPasswordNeed('existing');
      this.banner.set({ kind: 'info', text: describeError(error) });
      return;
    }
    if (error.code === 'RATE_LIMITED') {
      const wait = error.details?.['retryAfterMs'];
      if (typeof wait === 'number') this.countdown.start(wait);
    }
    if (error.code === 'WECOM_CONFIG_INVALID' && saved !== null) this.editSaved(saved);
    if (error.code === 'NOT_FOUND' && saved !== null) void this.loadCorps();
    if (!showOnField(this.form, error, { corpId: 'corpChoice' })) {
      this.banner.set({ kind: 'error', text: describeError(error) });
    }
  }

  private applyChoice(choice: string): void {
    const wasSaved = this.savedCorp() !== null;
    this.choice.set(choice);
    const saved = this.savedCorp();
    const { corpname, corpid, corpsecret, agentid } = this.form.controls;
    if (saved !== null) {
      this.form.patchValue(
        {
          corpname: saved.corpname,
          corpid: saved.corpid,
          corpsecret: saved.secretMasked,
          agentid: String(saved.agentid),
        },
        { emitEvent: false },
      );
      for (const control of [corpname, corpid, corpsecret, agentid]) control.disable({ emitEvent: false });
    } else {
      if (wasSaved)
        this.form.patchValue({ corpname: '', corpid: '', corpsecret: '', agentid: '' }, { emitEvent: false });
      for (const control of [corpname, corpid, corpsecret, agentid]) control.enable({ emitEvent: false });
    }
    this.form.updateValueAndValidity();
    if (this.passwordNeed() !== 'none' && this.accountKey() !== this.passwordFor)
      this.setPasswordNeed('none');
  }

  /** A saved configuration WeCom refused: type it again, prefilled but for the Secret (saved anew on login). */
  private editSaved(saved: CorpView): void {
    this.form.controls.corpChoice.setValue(NEW_CORP);
    this.form.patchValue({ corpname: saved.corpname, corpid: saved.corpid, agentid: String(saved.agentid) });
    this.banner.set({
      kind: 'warning',
      text: '已保存的企业配置无法使用，请核对后重新输入应用Secret；登录成功后将更新保存的配置。',
    });
  }

  private setPasswordNeed(need: PasswordNeed): void {
    this.passwordNeed.set(need);
    this.passwordFor = this.accountKey();
    const { password, passwordConfirm, initialCode } = this.form.controls;
    password.setValue('', { emitEvent: false });
    passwordConfirm.setValue('', { emitEvent: false });
    initialCode.setValue('', { emitEvent: false });
    initialCode.setValidators(need === 'first' ? [Validators.required, Validators.maxLength(64)] : []);
    if (need === 'first') initialCode.enable({ emitEvent: false });
    else initialCode.disable({ emitEvent: false });
    if (need === 'none') {
      password.disable({ emitEvent: false });
      passwordConfirm.disable({ emitEvent: false });
    } else {
      password.setValidators(need === 'first' ? newPasswordRules : [Validators.required]);
      password.enable({ emitEvent: false });
      passwordConfirm.setValidators([Validators.required, sameAs('password')]);
      if (need === 'first') passwordConfirm.enable({ emitEvent: false });
      else passwordConfirm.disable({ emitEvent: false });
    }
    this.form.updateValueAndValidity();
  }

  private accountKey(): string {
    return `${this.choice()}/${this.form.controls.userid.value.trim().toLowerCase()}`;
  }
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof RpcError ? describeError(error.body) : fallback;
}

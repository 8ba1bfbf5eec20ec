import { Component, computed, inject, signal, viewChild } from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
  type ValidatorFn,
} from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fieldValidator, schemaMessage } from '../../../../sdk/ui/schema-validators.js';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { PasswordStrength } from '../../../../sdk/ui/password-strength.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { THEME_LABELS, THEME_MODES, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { Notifier } from '../shared/notifier.js';
import { SettingsAccess } from '../settings-access.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';
import { AUTH_CHANGE_PASSWORD, NewPasswordSchema } from '../../../../sdk/contracts/auth-channels.js';

/** The host's rule for local passwords: the channel's own `NewPasswordSchema`, so mistakes show at once. */
const newPasswordIssue = fieldValidator(NewPasswordSchema);
const PASSWORD_RULE: ValidatorFn = (control) => {
  if (control.value === '') return null;
  const message = schemaMessage(newPasswordIssue(control));
  return message === null ? null : { rule: message };
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
    SETTINGS_PAGE_IMPORTS,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    PasswordStrength,
    ReactiveFormsModule,
  ],
  templateUrl: './account-page.component.html',
  styleUrls: ['../shared/page.scss', './account-page.scss'],
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
      await this.rpc.call(AUTH_CHANGE_PASSWORD, { oldPassword, newPassword });
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

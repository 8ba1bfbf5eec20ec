import { Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { DIALOG_FORM_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import type { CorpView } from '../../../../sdk/contracts/corps-channels.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { controlError, useridControl, usernameControl } from '../../../../sdk/ui/corp-app-form.js';
import { USERS_SAVE, type UserSaveInput } from '../../../../sdk/contracts/users-channels.js';

export interface AddAdminData {
  corps: CorpView[];
  /** Preselected corp, e.g. when adding from a corp's group. */
  corpId?: string;
}

export interface AddedAdmin {
  userid: string;
  corpname: string;
  /** Shown once by the caller; absent when the account was an admin already. */
  initialCode?: string;
}

/**
 * Adds a WeCom admin (R2.5): corp + userid + name. The host answers a one-time initial code, which the
 * admin needs at the first login, when the local password is set.
 */
@Component({
  selector: 'wls-add-admin-dialog',
  imports: [DIALOG_FORM_IMPORTS, MatSelectModule, ReactiveFormsModule, FieldHint],
  templateUrl: './add-admin-dialog.component.html',
  styleUrl: '../shared/form-dialog.scss',
})
export class AddAdminDialog {
  protected readonly data = inject<AddAdminData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AddAdminDialog, AddedAdmin>>(MatDialogRef);
  private readonly rpc = inject(RpcClient);
  protected readonly useridHint = CORP_APP_HINTS.userid.text;
  protected readonly error = controlError;
  protected readonly saving = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = new FormGroup({
    corpId: new FormControl(
      this.data.corpId ?? (this.data.corps.length === 1 ? (this.data.corps[0]?.corpId ?? '') : ''),
      {
        nonNullable: true,
        validators: [Validators.required],
      },
    ),
    userid: useridControl(true),
    username: usernameControl(),
  });

  constructor() {
    this.form.controls.userid.valueChanges.subscribe(() => this.serverError.set(null));
  }

  // The backdrop does not close these forms (typed values would be lost), but Escape does.
  private readonly escape = this.ref
    .keydownEvents()
    .subscribe((event) => event.key === 'Escape' && !this.saving() && this.cancel());

  /** Closes without a result (a bare mat-dialog-close would answer ''). */
  protected cancel(): void {
    this.ref.close();
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { corpId, userid, username } = this.form.getRawValue();
    this.saving.set(true);
    this.formError.set(null);
    try {
      const input: UserSaveInput = { corpId, userid: userid.trim(), tier: 'wecom-admin' };
      if (username.trim() !== '') input.username = username.trim();
      const saved = await this.rpc.call(USERS_SAVE, input);
      const corpname = this.data.corps.find((corp) => corp.corpId === corpId)?.corpname ?? '';
      this.ref.close({
        userid: saved.userid,
        corpname,
        ...(saved.initialCode === undefined ? {} : { initialCode: saved.initialCode }),
      });
    } catch (error) {
      const message = messageOf(error, '添加失败，请稍后重试。');
      if (fieldOf(error) === 'userid') {
        this.serverError.set(message);
        this.form.controls.userid.setErrors({ server: true });
      } else this.formError.set(message);
    } finally {
      this.saving.set(false);
    }
  }
}

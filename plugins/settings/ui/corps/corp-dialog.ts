import { Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { fieldOf, messageOf } from '../shared/errors.js';
import { FieldHint } from '../../../../sdk/ui/field-hint.js';
import { CORPS_SAVE, type CorpSaveInput, type CorpView } from '../../../../sdk/contracts/corps-channels.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { CorpAppFields } from '../../../../sdk/ui/corp-app-fields.js';
import { controlError, corpFieldControls } from '../../../../sdk/ui/corp-app-form.js';
import { OUTLINED_FIELDS } from '../../../../sdk/ui/page-imports.js';

export interface CorpDialogData {
  /** The corp to edit; absent to add one. */
  corp?: CorpView;
}

type CorpField = 'corpname' | 'corpid' | 'corpsecret' | 'agentid';

/**
 * Adds or edits a corp app. Saving checks the configuration with WeCom first (gettoken + agent/get), so
 * a wrong field comes back named and is shown on that field.
 */
@Component({
  selector: 'wls-corp-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    FieldHint,
    CorpAppFields,
  ],
  templateUrl: './corp-dialog.component.html',
  styleUrl: '../shared/form-dialog.scss',
  providers: [OUTLINED_FIELDS],
})
export class CorpDialog {
  protected readonly data = inject<CorpDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CorpDialog, CorpView>>(MatDialogRef);
  private readonly rpc = inject(RpcClient);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly error = controlError;
  protected readonly editing = this.data.corp !== undefined;

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = new FormGroup(
    corpFieldControls(this.data.corp ?? {}, { secretRequired: !this.editing }),
  );

  constructor() {
    // A server message belongs to the value it judged: editing the field clears it.
    for (const name of Object.keys(this.form.controls) as CorpField[]) {
      this.form.controls[name].valueChanges.subscribe(() => this.formError.set(null));
    }
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
    const value = this.form.getRawValue();
    const input: CorpSaveInput = {
      corpname: value.corpname.trim(),
      corpid: value.corpid.trim(),
      agentid: Number(value.agentid.trim()),
    };
    if (this.data.corp !== undefined) input.corpId = this.data.corp.corpId;
    if (value.corpsecret.trim() !== '') input.corpsecret = value.corpsecret.trim();
    this.saving.set(true);
    this.formError.set(null);
    try {
      this.ref.close(await this.rpc.call(CORPS_SAVE, input));
    } catch (error) {
      this.showError(error);
    } finally {
      this.saving.set(false);
    }
  }

  private showError(error: unknown): void {
    const field = fieldOf(error);
    const message = messageOf(error, '保存失败，请稍后重试。');
    if (field !== null && field in this.form.controls) {
      const name = field as CorpField;
      const control = this.form.controls[name];
      control.setErrors({ server: message });
      control.markAsTouched();
      return;
    }
    this.formError.set(message);
  }
}

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
import type { CorpSaveInput, CorpView } from '../settings-api.js';
import { CORP_FIELD_MESSAGES } from '../../../../sdk/contracts/corp-app.js';
import { CORP_APP_HINTS } from '../../../../sdk/ui/corp-app-hints.js';
import { corpFieldControls } from '../../../../sdk/ui/corp-app-form.js';

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
  ],
  template: `
    <h2 mat-dialog-title>{{ editing ? '编辑企业' : '添加企业' }}</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="正在检查并保存" />
    }
    <form [formGroup]="form" (ngSubmit)="save()" id="corp-form">
      <mat-dialog-content class="content">
        <p class="lead">保存前会用这些信息向企业微信获取一次凭证并读取应用信息，确认配置正确。</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>企业名称</mat-label>
          <input matInput formControlName="corpname" maxlength="50" autocomplete="off" required />
          <wl-field-hint matSuffix label="企业名称" [text]="hints.corpname.text" />
          @if (serverError()['corpname']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>请填写企业名称</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>企业ID（corpid）</mat-label>
          <input matInput formControlName="corpid" autocomplete="off" spellcheck="false" required />
          <wl-field-hint matSuffix label="企业ID" [text]="hints.corpid.text" />
          @if (serverError()['corpid']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>{{ messages.corpid }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>应用Secret（corpsecret）</mat-label>
          <input
            matInput
            formControlName="corpsecret"
            [type]="showSecret() ? 'text' : 'password'"
            autocomplete="off"
            spellcheck="false"
            [required]="!editing"
            [placeholder]="editing ? '留空则保留已保存的 Secret' : ''"
          />
          <wl-field-hint matSuffix label="应用Secret" [text]="hints.corpsecret.text" />
          @if (editing) {
            <mat-hint>已保存：{{ data.corp?.secretMasked }}，留空则不修改</mat-hint>
          }
          @if (serverError()['corpsecret']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>{{ messages.corpsecret }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>应用ID（AgentId）</mat-label>
          <input matInput formControlName="agentid" inputmode="numeric" autocomplete="off" required />
          <wl-field-hint matSuffix label="AgentId" [text]="hints.agentid.text" />
          @if (serverError()['agentid']; as message) {
            <mat-error>{{ message }}</mat-error>
          } @else {
            <mat-error>{{ messages.agentid }}</mat-error>
          }
        </mat-form-field>
        @if (formError(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
    </form>
    <mat-dialog-actions align="end">
      <button matButton type="button" (click)="showSecret.set(!showSecret())" class="reveal">
        {{ showSecret() ? '隐藏 Secret' : '显示 Secret' }}
      </button>
      <span class="spacer"></span>
      <button matButton type="button" (click)="cancel()" [disabled]="saving()">取消</button>
      <button matButton="filled" type="submit" form="corp-form" [disabled]="saving()">
        {{ saving() ? '正在检查…' : '检查并保存' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding-top: 8px;
    }
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .form-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .spacer {
      flex: 1;
    }
  `,
})
export class CorpDialog {
  protected readonly data = inject<CorpDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CorpDialog, CorpView>>(MatDialogRef);
  private readonly rpc = inject(RpcClient);
  protected readonly hints = CORP_APP_HINTS;
  protected readonly messages = CORP_FIELD_MESSAGES;
  protected readonly editing = this.data.corp !== undefined;

  protected readonly saving = signal(false);
  protected readonly showSecret = signal(false);
  protected readonly serverError = signal<Partial<Record<CorpField, string>>>({});
  protected readonly formError = signal<string | null>(null);

  protected readonly form = new FormGroup(
    corpFieldControls(this.data.corp ?? {}, { secretRequired: !this.editing }),
  );

  constructor() {
    // A server message belongs to the value it judged: editing the field clears it.
    for (const name of Object.keys(this.form.controls) as CorpField[]) {
      this.form.controls[name].valueChanges.subscribe(() => this.clearServerError(name));
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
      this.ref.close(await this.rpc.call<CorpView>('corps.save', input));
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
      this.serverError.update((errors) => ({ ...errors, [name]: message }));
      const control = this.form.controls[name];
      control.setErrors({ server: true });
      control.markAsTouched();
      return;
    }
    this.formError.set(message);
  }

  private clearServerError(name: CorpField): void {
    if (this.serverError()[name] === undefined) return;
    this.serverError.update((errors) => ({ ...errors, [name]: undefined }));
    this.formError.set(null);
  }
}

import { Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { messageOf } from '../shared/errors.js';
import type { TrustedIpsView } from '../settings-api.js';
import { parseIpList } from './ip-address.js';

/** Edits the whole trusted-IP list as text: one address per line, checked as it is typed. */
@Component({
  selector: 'wls-edit-ips-dialog',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  template: `
    <h2 mat-dialog-title>编辑可信 IP列表</h2>
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" aria-label="正在保存" />
    }
    <mat-dialog-content class="content">
      <p class="lead">
        每行一个 IPv4 或 IPv6 地址，最多 {{ data.limit }} 个。也可以直接粘贴以分号分隔的列表。
      </p>
      <mat-form-field appearance="outline" class="area">
        <mat-label>可信 IP</mat-label>
        <textarea
          matInput
          rows="12"
          spellcheck="false"
          class="mono"
          [ngModel]="text()"
          (ngModelChange)="text.set($event)"
          aria-describedby="ip-check"
        ></textarea>
        <mat-hint>{{ parsed().ips.length }} / {{ data.limit }}</mat-hint>
      </mat-form-field>
      <div id="ip-check" class="check" aria-live="polite">
        @for (bad of parsed().invalid.slice(0, 5); track $index) {
          <p class="bad">第 {{ bad.line }} 行：「{{ bad.text }}」不是有效的 IP 地址</p>
        }
        @if (parsed().invalid.length > 5) {
          <p class="bad">另有 {{ parsed().invalid.length - 5 }} 处无效地址</p>
        }
        @if (tooMany()) {
          <p class="bad">超过 {{ data.limit }} 个：企业微信最多接受 {{ data.limit }} 个可信 IP</p>
        }
        @if (parsed().duplicates.length > 0) {
          <p class="note">重复的地址只保留一个：{{ parsed().duplicates.join('、') }}</p>
        }
        @if (saveError(); as message) {
          <p class="bad" role="alert">{{ message }}</p>
        }
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" (click)="cancel()" [disabled]="saving()">取消</button>
      <button matButton="filled" type="button" (click)="save()" [disabled]="!valid() || saving()">
        保存
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      padding-top: 8px;
    }
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .area {
      width: 100%;
    }
    .mono {
      font-family: ui-monospace, 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace;
    }
    .check p {
      margin: 4px 0;
      font: var(--mat-sys-body-medium);
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EditIpsDialog {
  protected readonly data = inject<TrustedIpsView>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<EditIpsDialog, TrustedIpsView>>(MatDialogRef);
  private readonly rpc = inject(RpcClient);

  protected readonly text = signal(this.data.ips.map((entry) => entry.ip).join('\n'));
  protected readonly parsed = computed(() => parseIpList(this.text()));
  protected readonly tooMany = computed(() => this.parsed().ips.length > this.data.limit);
  protected readonly valid = computed(() => this.parsed().invalid.length === 0 && !this.tooMany());
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);

  // The backdrop does not close these forms (typed values would be lost), but Escape does.
  private readonly escape = this.ref
    .keydownEvents()
    .subscribe((event) => event.key === 'Escape' && !this.saving() && this.cancel());

  /** Closes without a result (a bare mat-dialog-close would answer ''). */
  protected cancel(): void {
    this.ref.close();
  }

  protected async save(): Promise<void> {
    if (!this.valid() || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      this.ref.close(await this.rpc.call<TrustedIpsView>('trustedIps.replace', { ips: this.parsed().ips }));
    } catch (error) {
      this.saveError.set(messageOf(error, '保存失败，请稍后重试。'));
    } finally {
      this.saving.set(false);
    }
  }
}

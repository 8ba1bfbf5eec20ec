import { Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { copyText } from '../../../../sdk/ui/clipboard.js';

export interface InitialCodeData {
  userid: string;
  corpname: string;
  initialCode: string;
}

/**
 * A new or reset WeCom admin's one-time initial code, shown to root-admin this once (the host keeps only
 * its hash): the admin types it at the first login, together with the local password they choose.
 */
@Component({
  selector: 'wls-initial-code-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>企微管理员的初始码</h2>
    <mat-dialog-content class="content">
      <p>
        请把下面的初始码当面或通过安全的渠道交给「{{ data.corpname }}」的
        <strong>{{ data.userid }}</strong>。对方首次以企微管理员身份登录时需输入它，并设置自己的本地密码。
      </p>
      <code class="code" data-testid="initial-code-value">{{ data.initialCode }}</code>
      <p class="warn">初始码只显示这一次，使用一次后失效。遗失时可在此页「重置本地密码」获得新的初始码。</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" (click)="copy()">{{ copied() ? '已复制' : '复制初始码' }}</button>
      <button matButton="filled" type="button" mat-dialog-close data-testid="initial-code-done">
        我已记下
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .code {
      font: var(--mat-sys-headline-small);
      font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
      letter-spacing: 0.08em;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-high);
      user-select: all;
      text-align: center;
    }
    .warn {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class InitialCodeDialog {
  protected readonly data = inject<InitialCodeData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    this.copied.set(await copyText(this.data.initialCode));
  }
}

import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmCancelData {
  theme: string;
  start: string;
}

/** Asks before living/cancel (the live list and the detail page): it cannot be undone. The focus starts on 不取消. */
@Component({
  selector: 'wl-confirm-cancel-live-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>取消预约直播？</h2>
    <mat-dialog-content>
      <p class="message">
        将在企业微信中取消「{{ data.theme }}」（{{ data.start }} 开始）。取消后无法恢复，观众也无法再进入。
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton [mat-dialog-close]="false" cdkFocusInitial>不取消</button>
      <button matButton="filled" class="destructive" [mat-dialog-close]="true" data-testid="confirm-cancel">
        取消预约
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin: 0;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmCancelDialog {
  protected readonly data = inject<ConfirmCancelData>(MAT_DIALOG_DATA);
}

import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ReplayDeleteData {
  theme: string;
  livingid: string;
  /** The live's time as shown on the page. */
  when: string;
}

/** Asks before living/delete_replay_data, naming the live: it cannot be undone. The focus starts on 不删除. */
@Component({
  selector: 'wl-replay-delete-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>删除直播回放？</h2>
    <mat-dialog-content>
      <p class="message" data-testid="replay-delete-message">{{ message }}</p>
      <p class="id">直播 ID：{{ data.livingid }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton [mat-dialog-close]="false" cdkFocusInitial>不删除</button>
      <button
        matButton="filled"
        class="destructive"
        [mat-dialog-close]="true"
        data-testid="confirm-delete-replay"
      >
        删除回放
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      margin: 0 0 8px;
    }
    .id {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      word-break: break-all;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ReplayDeleteDialog {
  protected readonly data = inject<ReplayDeleteData>(MAT_DIALOG_DATA);
  protected readonly message =
    `将在企业微信中删除「${this.data.theme}」（${this.data.when}）的回放。` +
    '删除后所有人都无法再观看这场直播的回放，且无法恢复；观看明细和签到数据不受影响。';
}

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
  templateUrl: './replay-delete-dialog.html',
  styleUrl: './replay-delete-dialog.scss',
})
export class ReplayDeleteDialog {
  protected readonly data = inject<ReplayDeleteData>(MAT_DIALOG_DATA);
  protected readonly message =
    `将在企业微信中删除「${this.data.theme}」（${this.data.when}）的回放。` +
    '删除后所有人都无法再观看这场直播的回放，且无法恢复；观看明细和签到数据不受影响。';
}

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
  templateUrl: './confirm-cancel-live-dialog.html',
  styleUrl: './confirm-cancel-live-dialog.scss',
})
export class ConfirmCancelDialog {
  protected readonly data = inject<ConfirmCancelData>(MAT_DIALOG_DATA);
}

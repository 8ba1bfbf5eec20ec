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
  templateUrl: './initial-code-dialog.component.html',
  styleUrl: './initial-code-dialog.scss',
})
export class InitialCodeDialog {
  protected readonly data = inject<InitialCodeData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    this.copied.set(await copyText(this.data.initialCode));
  }
}

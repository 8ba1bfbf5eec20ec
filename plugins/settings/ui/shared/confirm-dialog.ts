import { Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

export interface ConfirmData {
  title: string;
  message: string;
  confirmText: string;
  /** Destructive actions get the error colour and keep the focus on 取消. */
  destructive?: boolean;
}

/** Asks before an action that cannot be undone. */
@Component({
  selector: 'wls-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule],
  templateUrl: './confirm-dialog.component.html',
  styleUrl: './confirm-dialog.scss',
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}

/** Opens the confirm dialog; resolves true only when the person confirmed. */
export async function confirmAction(dialog: MatDialog, data: ConfirmData): Promise<boolean> {
  const ref = dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
    data,
    width: '440px',
    maxWidth: '92vw',
    // Destructive: the focus starts on 取消, so a stray Enter does not confirm.
    autoFocus: data.destructive ? 'first-tabbable' : 'button[data-testid=confirm]',
  });
  return (await firstValueFrom(ref.afterClosed())) === true;
}

import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NGMODEL_FIELD_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { messageOf } from '../shared/errors.js';
import { TRUSTED_IPS_REPLACE, type TrustedIpsView } from '../../../../sdk/contracts/trusted-ips-channels.js';
import { parseIpList } from './ip-address.js';

/** Edits the whole trusted-IP list as text: one address per line, checked as it is typed. */
@Component({
  selector: 'wls-edit-ips-dialog',
  imports: [NGMODEL_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatProgressBarModule],
  templateUrl: './edit-ips-dialog.component.html',
  styleUrl: './edit-ips-dialog.scss',
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
      this.ref.close(await this.rpc.call(TRUSTED_IPS_REPLACE, { ips: this.parsed().ips }));
    } catch (error) {
      this.saveError.set(messageOf(error, '保存失败，请稍后重试。'));
    } finally {
      this.saving.set(false);
    }
  }
}

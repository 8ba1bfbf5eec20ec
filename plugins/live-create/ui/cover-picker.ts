import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { FileTransfer } from '../../../sdk/ui/file-transfer.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { IMAGE_EXTENSIONS, LIVE_IMAGE_LABELS, sizeText, type LiveImageField } from '../shared/image-rules.js';
import { CHECK_IMAGE } from '../shared/channels.js';
import type { CheckedImageAnswer } from '../shared/live-create-api.js';

/**
 * One image of the live form (cover or share): choose a JPG/PNG (FileTransfer: the browser's chooser and
 * /upload, or Electron's dialog), checked by the host (type by content, 10 MB) and previewed; removable.
 * WeCom receives it only when the form is submitted (temporary media, R3.1).
 */
@Component({
  selector: 'wlc-cover-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './cover-picker.html',
  styleUrl: './cover-picker.scss',
})
export class CoverPicker {
  private readonly files = inject(FileTransfer);
  private readonly rpc = inject(RpcClient);
  readonly field = input.required<LiveImageField>();
  readonly disabled = input(false);
  readonly hint = input('JPG 或 PNG，不超过 10 MB');
  /** The checked image, or null. */
  readonly image = model<CheckedImageAnswer | null>(null);
  protected readonly busy = signal(false);
  protected readonly progress = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly size = sizeText;

  protected label(): string {
    return LIVE_IMAGE_LABELS[this.field()];
  }

  protected async choose(): Promise<void> {
    this.error.set(null);
    this.busy.set(true);
    this.progress.set(0);
    try {
      const uploaded = await this.files.pickAndUpload(IMAGE_EXTENSIONS, {
        title: `选择${this.label()}`,
        filterName: 'JPG/PNG 图片',
        onProgress: (fraction) => this.progress.set(fraction),
      });
      if (uploaded === null) return;
      this.image.set(await this.rpc.call(CHECK_IMAGE, { field: this.field(), fileId: uploaded.fileId }));
    } catch (error) {
      const message = describeAnyError(error);
      this.error.set(message.startsWith(this.label()) ? message : `${this.label()}：${message}`);
    } finally {
      this.busy.set(false);
    }
  }

  protected remove(): void {
    this.image.set(null);
    this.error.set(null);
  }
}

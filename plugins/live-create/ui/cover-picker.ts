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
  template: `
    <div class="picker" [class.disabled]="disabled()" [attr.data-field]="field()">
      <div class="preview" [class.wide]="field() === 'cover'">
        @if (image(); as chosen) {
          <img [src]="chosen.dataUrl" [alt]="label() + '预览：' + chosen.name" />
        } @else {
          <mat-icon svgIcon="image" aria-hidden="true" />
        }
      </div>
      <div class="side">
        <div class="title">{{ label() }}（可选）</div>
        @if (image(); as chosen) {
          <div class="name" [title]="chosen.name">{{ chosen.name }} · {{ size(chosen.size) }}</div>
        } @else {
          <div class="hint">{{ hint() }}</div>
        }
        <div class="buttons">
          <button
            matButton="outlined"
            type="button"
            (click)="choose()"
            [disabled]="disabled() || busy()"
            [attr.aria-label]="(image() ? '更换' : '选择') + label()"
          >
            <mat-icon svgIcon="upload" />{{ image() ? '更换' : '选择图片' }}
          </button>
          @if (image()) {
            <button
              matButton
              type="button"
              (click)="remove()"
              [disabled]="busy()"
              [attr.aria-label]="'移除' + label()"
            >
              移除
            </button>
          }
        </div>
        @if (busy()) {
          <mat-progress-bar
            mode="determinate"
            [value]="progress() * 100"
            [attr.aria-label]="'正在读取' + label()"
          />
        }
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
      </div>
    </div>
  `,
  styles: `
    .picker {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      min-width: 0;
    }
    .picker.disabled .preview {
      opacity: 0.5;
    }
    .preview {
      flex: none;
      width: 72px;
      height: 72px;
      border-radius: 8px;
      border: 1px dashed var(--mat-sys-outline);
      display: grid;
      place-items: center;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
    .preview.wide {
      width: 128px;
    }
    .preview img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .side {
      display: grid;
      gap: 4px;
      min-width: 0;
      flex: 1;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .hint,
    .name {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .hint {
      white-space: normal;
    }
    .buttons {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .error {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
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

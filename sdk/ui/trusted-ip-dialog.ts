import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { copyText } from './clipboard.js';
import type { TrustedIpInfo } from './trusted-ip-info.js';

/**
 * R2.7: WeCom refused this machine's IP (errcode 60020). Says where to add it, offers the full `;` list
 * to paste and counts down the five minutes WeCom needs before a retry. Opened by IpNotAllowedWatcher.
 */
@Component({
  selector: 'wl-trusted-ip-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatIconModule],
  templateUrl: './trusted-ip-dialog.html',
  styleUrl: './trusted-ip-dialog.scss',
})
export class TrustedIpDialog {
  /** The latest data; the watcher updates it when another 60020 arrives while the dialog is open. */
  readonly info = signal<TrustedIpInfo>(inject<TrustedIpInfo>(MAT_DIALOG_DATA));
  protected readonly copyState = signal<'idle' | 'copied' | 'failed'>('idle');
  protected readonly copyLabel = computed(
    () => ({ idle: '复制列表', copied: '已复制', failed: '复制失败，请手动复制' })[this.copyState()],
  );
  protected readonly appLabel = computed(() => {
    const name = this.info().appName;
    return name === null ? '本应用' : `应用「${name}」`;
  });
  private readonly now = signal(Date.now());
  protected readonly remainingMs = computed(() =>
    Math.max(0, Date.parse(this.info().retryAfter) - this.now()),
  );
  protected readonly remainingText = computed(() => {
    const seconds = Math.ceil(this.remainingMs() / 1000);
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  update(info: TrustedIpInfo): void {
    this.info.set(info);
    this.copyState.set('idle');
  }

  protected async copy(): Promise<void> {
    this.copyState.set((await copyText(this.info().copyText)) ? 'copied' : 'failed');
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLTextAreaElement).select();
  }
}

import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { merge } from 'rxjs';
import { filter } from 'rxjs/operators';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { copyText } from '../../../../sdk/ui/clipboard.js';
import { describeError } from '../../../../sdk/ui/error-text.js';
import { RpcClient, RpcError } from '../../../../sdk/ui/rpc-client.js';
import { Glyph } from './glyph.js';
import {
  TRUSTED_IPS_DETECT_PUBLIC_IP,
  TRUSTED_IPS_LIST,
  type TrustedIpsView,
} from '../../../../sdk/contracts/trusted-ips-channels.js';

type Detection =
  | { state: 'idle' }
  | { state: 'detecting' }
  | { state: 'found'; ip: string; source: string | null }
  | { state: 'failed'; message: string };

/**
 * This machine's public IP, detected on demand (third-party lookup, so never automatically), and the
 * recorded trusted-IP list with a copy-all button, for WeCom's 企业可信 IP field (R2.6).
 */
@Component({
  selector: 'wl-trusted-ip-panel',
  imports: [MatButton, MatIconButton, MatProgressSpinner, MatTooltip, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trusted-ip-panel.html',
  styleUrl: './trusted-ip-panel.scss',
})
export class TrustedIpPanel implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly detection = signal<Detection>({ state: 'idle' });
  protected readonly list = signal<TrustedIpsView | null>(null);
  protected readonly listError = signal<string | null>(null);

  constructor() {
    // A 60020 records the refused IP in the host's list: show the list as it is now.
    merge(
      this.rpc.errors$.pipe(filter((error) => error.code === 'WECOM_IP_NOT_ALLOWED')),
      this.rpc.on('wecom.ipNotAllowed'),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => void this.reload());
  }

  ngOnInit(): void {
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      this.list.set(await this.rpc.call(TRUSTED_IPS_LIST));
      this.listError.set(null);
    } catch (error) {
      this.listError.set(error instanceof RpcError ? describeError(error.body) : '无法读取');
    }
  }

  protected async detect(): Promise<void> {
    this.detection.set({ state: 'detecting' });
    try {
      const answer = await this.rpc.call(TRUSTED_IPS_DETECT_PUBLIC_IP);
      // The host records a detected IP in its list: show both together.
      if (answer.ip !== null) await this.reload();
      this.detection.set(
        answer.ip === null
          ? { state: 'failed', message: answer.message }
          : { state: 'found', ip: answer.ip, source: answer.source },
      );
    } catch (error) {
      this.detection.set({
        state: 'failed',
        message: error instanceof RpcError ? describeError(error.body) : '检测失败。',
      });
    }
  }

  protected async copy(text: string, done: string): Promise<void> {
    const copied = text !== '' && (await copyText(text));
    this.snackBar.open(copied ? done : '复制失败，请手动选择文字复制', undefined, { duration: 2500 });
  }
}

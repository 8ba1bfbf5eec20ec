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
  template: `
    <section class="ip-card" aria-labelledby="wl-public-ip-title">
      <div class="ip-head">
        <wl-glyph name="public" />
        <h3 id="wl-public-ip-title">本机公网 IP</h3>
        <button
          matButton="tonal"
          type="button"
          class="detect"
          (click)="detect()"
          [disabled]="detection().state === 'detecting'"
        >
          @if (detection().state === 'detecting') {
            <mat-progress-spinner mode="indeterminate" diameter="16" aria-label="正在检测" />
          } @else {
            <wl-glyph name="refresh" />
          }
          检测
        </button>
      </div>
      <div class="ip-body" aria-live="polite">
        @let d = detection();
        @if (d.state === 'found') {
          <div class="ip-value">
            <code class="ip" data-testid="public-ip">{{ d.ip }}</code>
            <button
              matIconButton
              type="button"
              matTooltip="复制 IP"
              aria-label="复制本机公网 IP"
              (click)="copy(d.ip, 'IP 已复制')"
            >
              <wl-glyph name="content_copy" />
            </button>
          </div>
          @if (d.source) {
            <p class="source">由 {{ d.source }} 检测；以企业微信报错中的「from ip」为准。</p>
          }
        } @else if (d.state === 'failed') {
          <p class="ip failed" data-testid="public-ip">无法检测</p>
          <p class="muted">
            {{ d.message }}可在另一台联网设备上搜索「IP 查询」，或在企业微信报错信息的「from
            ip」中查看本机出口 IP（软件会自动记录到下方列表）。
          </p>
        } @else if (d.state === 'detecting') {
          <p class="muted">正在检测本机公网 IP…</p>
        } @else {
          <p class="muted">点击「检测」获取本机的公网出口 IP，填入企业微信应用的「企业可信 IP」。</p>
        }
      </div>
      <div class="list-row">
        <span>
          可信 IP 列表：
          @if (list(); as l) {
            已记录 <strong data-testid="trusted-ip-count">{{ l.ips.length }}</strong> 个（上限 {{ l.limit }}）
          } @else if (listError()) {
            <span class="error">{{ listError() }}</span>
          } @else {
            读取中…
          }
        </span>
        <button
          matButton
          type="button"
          [disabled]="(list()?.ips?.length ?? 0) === 0"
          (click)="copy(list()?.copyText ?? '', '已复制全部 IP（以 ; 分隔）')"
        >
          <wl-glyph name="content_copy" />
          复制全部
        </button>
      </div>
      @if (list(); as l) {
        @if (l.ips.length > 0) {
          <p class="ips" data-testid="trusted-ip-list">{{ l.copyText }}</p>
        }
      }
    </section>
  `,
  styles: `
    .ip-card {
      border-radius: 16px;
      padding: 16px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      --wl-glyph-size: 20px;
    }
    .ip-head {
      display: flex;
      align-items: center;
      gap: 8px;
      color: var(--mat-sys-primary);
    }
    h3 {
      flex: 1;
      margin: 0;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .detect mat-progress-spinner {
      display: inline-block;
      margin-right: 6px;
    }
    .ip-body {
      min-height: 56px;
    }
    .ip-value {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .ip {
      font: var(--mat-sys-headline-small);
      font-family: 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace;
      letter-spacing: 0.02em;
      color: var(--mat-sys-primary);
      margin: 8px 0;
      user-select: all;
      word-break: break-all;
    }
    .ip.failed {
      font-family: inherit;
      color: var(--mat-sys-error);
    }
    .muted,
    .source {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .source {
      margin-top: 0;
    }
    .list-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 8px;
      margin-top: 8px;
      padding-top: 8px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    .ips {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      font-family: 'Cascadia Mono', Consolas, 'DejaVu Sans Mono', monospace;
      color: var(--mat-sys-on-surface-variant);
      word-break: break-all;
      max-height: 4.5em;
      overflow: auto;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
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

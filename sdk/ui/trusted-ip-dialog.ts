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
  template: `
    <h2 mat-dialog-title>
      <mat-icon svgIcon="warning" class="title-icon" aria-hidden="true" />
      本机 IP 未被企业微信信任
    </h2>
    <mat-dialog-content>
      <p class="lead">
        企业微信拒绝了来自
        @if (info().ip; as ip) {
          <strong class="ip">{{ ip }}</strong>
        } @else {
          本机
        }
        的请求：该 IP 不在{{ appLabel() }}的企业可信 IP 中。请把下面的完整列表填入企业微信管理后台：
      </p>
      <ol class="steps">
        <!-- prettier-ignore -->
        <li>打开企业微信管理后台 <a [href]="info().consoleUrl" target="_blank" rel="noopener noreferrer">应用管理</a>，选择{{ appLabel() }}。</li>
        <li>在应用详情页底部找到<strong>企业可信 IP</strong>，点击「配置」。</li>
        <li>粘贴下面的完整 IP 列表（用英文分号 ; 分隔），保存。</li>
      </ol>
      <p class="note">
        <mat-icon svgIcon="info" aria-hidden="true" />
        <!-- prettier-ignore -->
        <span>企业微信要求先为应用设置<strong>可信域名</strong>或<strong>接收消息服务器 URL</strong>，之后才能配置企业可信 IP。</span>
      </p>
      <label class="list-label" for="wl-trusted-ip-list">可信 IP 列表（共 {{ info().ips.length }} 个）</label>
      <div class="list-row">
        <textarea
          id="wl-trusted-ip-list"
          class="list"
          readonly
          rows="3"
          [value]="info().copyText"
          (focus)="selectAll($event)"
        ></textarea>
        <button mat-stroked-button type="button" class="copy" (click)="copy()">
          <mat-icon [svgIcon]="copyState() === 'copied' ? 'check' : 'content_copy'" />
          {{ copyLabel() }}
        </button>
      </div>
      <p class="countdown" role="timer" aria-live="off">
        <mat-icon svgIcon="schedule" aria-hidden="true" />
        @if (remainingMs() > 0) {
          <span>
            配置保存后约需 5 分钟生效，请在 <strong>{{ remainingText() }}</strong> 后重试。
          </span>
        } @else {
          <span>现在可以重试了。</span>
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <a mat-button [href]="info().consoleUrl" target="_blank" rel="noopener noreferrer">
        <mat-icon svgIcon="open_in_new" />
        打开管理后台
      </a>
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>知道了</button>
    </mat-dialog-actions>
  `,
  styles: `
    .title-icon {
      color: var(--mat-sys-error);
      vertical-align: -4px;
      margin-right: 4px;
    }
    .lead {
      margin-top: 0;
    }
    .ip {
      font-family: ui-monospace, monospace;
    }
    .steps {
      padding-left: 1.4em;
      margin: 0 0 12px;
    }
    .steps li {
      margin-bottom: 4px;
    }
    .note,
    .countdown {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .note mat-icon,
    .countdown mat-icon {
      flex: none;
      width: 20px;
      height: 20px;
    }
    .list-label {
      display: block;
      margin: 12px 0 4px;
      font: var(--mat-sys-label-large);
    }
    .list-row {
      display: flex;
      gap: 8px;
      align-items: flex-start;
    }
    .list {
      flex: 1;
      min-width: 0;
      resize: vertical;
      padding: 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      font:
        14px/1.5 ui-monospace,
        monospace;
    }
    .list:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .copy {
      flex: none;
    }
    @media (max-width: 480px) {
      .list-row {
        flex-direction: column;
        align-items: stretch;
      }
    }
  `,
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

import { Component, inject, signal, type OnInit } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { HostStatus } from '../../../sdk/contracts/host-status.js';
import { describeError } from '../../../sdk/ui/error-text.js';
import { RpcClient, RpcError } from '../../../sdk/ui/rpc-client.js';

/** The host's state at a glance: version, first run, plugins and their states. */
@Component({
  selector: 'wl-status-page',
  imports: [MatCardModule, MatProgressBarModule],
  template: `
    <main class="page">
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title>企微直播助手</mat-card-title>
          <mat-card-subtitle>主程序状态</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="正在读取状态" />
          } @else if (error(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          } @else if (status(); as s) {
            <p>版本 {{ s.version }} · {{ s.firstRun ? '尚未初始化' : '已初始化' }}</p>
            @if (s.plugins.length === 0) {
              <p class="empty">尚未安装功能插件。</p>
            } @else {
              <ul>
                @for (plugin of s.plugins; track plugin.id) {
                  <li>{{ plugin.title }} {{ plugin.version }} — {{ stateLabel[plugin.state] }}</li>
                }
              </ul>
            }
          }
        </mat-card-content>
      </mat-card>
    </main>
  `,
  styles: `
    .page {
      max-width: 720px;
      margin: 48px auto;
      padding: 0 16px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StatusPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  protected readonly status = signal<HostStatus | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly stateLabel = { enabled: '已启用', disabled: '已停用', failed: '加载失败' };

  async ngOnInit(): Promise<void> {
    try {
      this.status.set(await this.rpc.call<HostStatus>('host.status'));
    } catch (error) {
      this.error.set(error instanceof RpcError ? describeError(error.body) : '无法读取主程序状态');
    } finally {
      this.loading.set(false);
    }
  }
}

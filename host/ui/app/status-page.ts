import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { PluginStatus } from '../../../sdk/contracts/events.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { PluginMenu } from './plugin-menu.js';

const STATE_LABELS: Record<PluginStatus['state'], string> = {
  enabled: '已启用',
  disabled: '已停用',
  failed: '加载失败',
};

/** The host at a glance (version, plugins and their states); also the home of an account with no menu. */
@Component({
  selector: 'wl-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule, MatProgressBarModule, MatIconModule, MatButtonModule],
  template: `
    <div class="page">
      <header class="head">
        <h1>运行状态</h1>
        <button mat-stroked-button type="button" (click)="refresh()" [disabled]="loading()">
          <mat-icon svgIcon="refresh" />
          刷新
        </button>
      </header>
      @if (menu.entries().length === 0) {
        <mat-card appearance="outlined" class="notice">
          <mat-card-content>
            <mat-icon svgIcon="info" aria-hidden="true" />
            <p>当前账号暂无可用功能。请联系超级管理员启用功能插件，或为您的账号分配相应权限。</p>
          </mat-card-content>
        </mat-card>
      }
      <mat-card appearance="outlined">
        <mat-card-header>
          <mat-card-title>功能插件</mat-card-title>
          <mat-card-subtitle> 主程序版本 {{ session.version() ?? '—' }} </mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" aria-label="正在读取状态" />
          }
          @if (error(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          } @else if (!loading() && session.plugins().length === 0) {
            <p class="empty">尚未安装功能插件。</p>
          } @else {
            <ul class="plugins">
              @for (plugin of session.plugins(); track plugin.id) {
                <li>
                  <span class="title">{{ plugin.title }}</span>
                  <span class="version">{{ plugin.version }}</span>
                  <span class="state state-{{ plugin.state }}">{{ stateLabel[plugin.state] }}</span>
                  @if (plugin.reason) {
                    <span class="reason">{{ plugin.reason }}</span>
                  }
                  @if (plugin.degraded) {
                    <span class="reason">运行异常：{{ plugin.degraded }}</span>
                  }
                </li>
              }
            </ul>
          }
        </mat-card-content>
      </mat-card>
    </div>
  `,
  styles: `
    .page {
      max-width: 880px;
      margin: 0 auto;
      padding: 24px 16px 48px;
      display: grid;
      gap: 16px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .notice mat-card-content {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding-top: 16px;
    }
    .notice p {
      margin: 0;
    }
    .notice mat-icon {
      flex: none;
      color: var(--mat-sys-primary);
    }
    .plugins {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    .plugins li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .plugins li:first-child {
      border-top: none;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .version {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .state {
      margin-left: auto;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .state-enabled {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .state-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .reason {
      flex-basis: 100%;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
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
  protected readonly session = inject(AppSession);
  protected readonly menu = inject(PluginMenu);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly stateLabel = STATE_LABELS;

  ngOnInit(): void {
    void this.refresh();
  }

  protected async refresh(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      await this.session.refreshStatus();
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.loading.set(false);
    }
  }
}

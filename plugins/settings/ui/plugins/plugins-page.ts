import { Component, DestroyRef, inject, signal, type OnInit } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TIER_LABELS, type AccountTier } from '../../../../sdk/contracts/tiers.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type { PluginRow, PluginState } from '../settings-api.js';
import { SettingsAccess } from '../settings-access.js';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from '../shared/confirm-dialog.js';

export const PLUGIN_STATE_LABELS: Record<PluginState, string> = {
  enabled: '已启用',
  disabled: '已停用',
  failed: '加载失败',
};

/** 插件管理: every plugin with its state; root-admin switches them installation-wide (R1.3). */
@Component({
  selector: 'wls-plugins-page',
  imports: [
    MatCardModule,
    MatChipsModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTooltipModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="plugins-title">
      <header class="page-head">
        <div>
          <h2 id="plugins-title">插件管理</h2>
          <p class="sub">
            @if (access.isRoot()) {
              启用或停用功能插件，对本机所有账户生效，无需重启；停用不会删除插件的数据。
            } @else {
              本机已安装的功能插件。只有超级管理员可以启用或停用插件。
            }
          </p>
        </div>
      </header>
      @if (loading()) {
        <wl-page-state state="loading" message="正在读取插件…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (plugins().length === 0) {
        <wl-page-state state="empty" message="尚未安装任何插件。" />
      } @else {
        <div class="list" role="list">
          @for (plugin of plugins(); track plugin.id) {
            <mat-card appearance="outlined" class="plugin" role="listitem" [attr.data-plugin]="plugin.id">
              @if (busy() === plugin.id) {
                <mat-progress-bar mode="indeterminate" class="busy" aria-label="正在切换" />
              }
              <div class="row">
                <div class="main">
                  <div class="title">
                    <span class="name">{{ plugin.title ?? plugin.id }}</span>
                    @if (plugin.version) {
                      <span class="version">v{{ plugin.version }}</span>
                    }
                    @if (plugin.core) {
                      <span class="core">核心</span>
                    }
                  </div>
                  <div class="meta">
                    {{ plugin.id }}
                    @if (plugin.tiers) {
                      · 适用：{{ tiersText(plugin.tiers) }}
                    }
                    @if (plugin.requiresCorp) {
                      · 需要企业登录
                    }
                  </div>
                  @if (plugin.state === 'failed') {
                    <p class="reason" role="note">原因：{{ plugin.reason || '未知错误' }}</p>
                  }
                  @if (plugin.state === 'enabled' && plugin.degraded) {
                    <p class="reason degraded" role="note">
                      运行异常：{{ plugin.degraded }}（插件仍在运行；停用后再启用可清除此提示，详情见日志）
                    </p>
                  }
                </div>
                <mat-chip-set aria-label="状态">
                  <mat-chip [class]="stateChip[plugin.state]" [disableRipple]="true">
                    {{ stateLabels[plugin.state] }}
                  </mat-chip>
                </mat-chip-set>
                @if (access.isRoot()) {
                  @if (plugin.core) {
                    <span
                      class="locked"
                      tabindex="0"
                      matTooltip="核心插件，不能停用"
                      aria-label="核心插件，不能停用"
                    >
                      <mat-icon svgIcon="lock" aria-hidden="true" />
                      <mat-slide-toggle [checked]="true" [disabled]="true" aria-hidden="true" tabindex="-1" />
                    </span>
                  } @else if (plugin.version === undefined) {
                    <span class="muted small">清单无效，无法启用</span>
                  } @else {
                    <mat-slide-toggle
                      [checked]="plugin.state === 'enabled'"
                      [disabled]="busy() !== null"
                      (change)="setEnabled(plugin, $event)"
                      [aria-label]="
                        (plugin.state === 'enabled' ? '停用' : '启用') + (plugin.title ?? plugin.id)
                      "
                    />
                  }
                }
              </div>
            </mat-card>
          }
        </div>
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .list {
      display: grid;
      gap: 12px;
    }
    .plugin {
      position: relative;
      overflow: hidden;
    }
    .busy {
      position: absolute;
      inset: 0 0 auto 0;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 16px;
      flex-wrap: wrap;
    }
    .main {
      flex: 1 1 240px;
      min-width: 0;
    }
    .title {
      display: flex;
      align-items: baseline;
      gap: 8px;
      flex-wrap: wrap;
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .version,
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .core {
      padding: 0 8px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-small);
      line-height: 20px;
    }
    .reason {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .locked {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-on-surface-variant);
      border-radius: 8px;
    }
    .locked:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .locked mat-icon {
      width: 20px;
      height: 20px;
    }
  `,
})
export class PluginsPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  protected readonly stateLabels = PLUGIN_STATE_LABELS;
  protected readonly stateChip: Record<PluginState, string> = {
    enabled: 'chip-ok',
    disabled: 'chip-off',
    failed: 'chip-bad',
  };

  protected readonly plugins = signal<PluginRow[]>([]);
  protected readonly pageLoad = new PageLoad('无法读取插件列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  /** The plugin being switched; one at a time, as the host does them. */
  protected readonly busy = signal<string | null>(null);

  constructor() {
    // Another window (or admin) switched a plugin: show the new states.
    const subscription = this.rpc.on('plugins.changed').subscribe(() => void this.load(false));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(showLoading = true): Promise<void> {
    await this.pageLoad.run(async () => {
      const rows = await this.rpc.call<PluginRow[]>('plugins.list');
      this.plugins.set([...rows].sort((a, b) => Number(b.core ?? false) - Number(a.core ?? false)));
    }, !showLoading);
  }

  protected tiersText(tiers: AccountTier[]): string {
    return tiers.map((tier) => TIER_LABELS[tier]).join('、');
  }

  protected async setEnabled(plugin: PluginRow, change: MatSlideToggleChange): Promise<void> {
    const enabled = change.checked;
    const name = plugin.title ?? plugin.id;
    // Off is for everyone at once (its pages and menu entry disappear for every account): ask first.
    if (!enabled) {
      const confirmed = await confirmAction(this.dialog, {
        title: `停用「${name}」？`,
        message: `停用后，所有账号都看不到「${name}」的页面和菜单，正在进行的相关任务也会停止。已保存的数据不会删除，随时可以重新启用。`,
        confirmText: '停用',
        destructive: true,
      });
      if (!confirmed) {
        change.source.checked = true;
        return;
      }
    }
    this.busy.set(plugin.id);
    try {
      await this.rpc.call('plugins.setEnabled', { id: plugin.id, enabled });
      await this.load(false);
      const now = this.plugins().find((row) => row.id === plugin.id);
      if (enabled && now?.state === 'failed') {
        this.notifier.failure(null, `「${name}」启用失败：${now.reason ?? '未知错误'}`);
      } else {
        this.notifier.success(enabled ? `已启用「${name}」` : `已停用「${name}」`);
      }
    } catch (error) {
      this.notifier.failure(error, `无法${enabled ? '启用' : '停用'}「${name}」。`);
      await this.load(false);
    } finally {
      this.busy.set(null);
      // The toggle moved when clicked; make it show what the host says now, even when that did not change.
      change.source.checked = this.plugins().find((row) => row.id === plugin.id)?.state === 'enabled';
    }
  }
}

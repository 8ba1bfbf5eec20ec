import { Component, DestroyRef, inject, signal, type OnInit } from '@angular/core';
import type { MatSlideToggleChange } from '@angular/material/slide-toggle';
import { TIER_LABELS, type AccountTier } from '../../../../sdk/contracts/tiers.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { Notifier } from '../shared/notifier.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import {
  PLUGINS_LIST,
  PLUGINS_SET_ENABLED,
  type PluginRow,
  type PluginState,
} from '../../../../sdk/contracts/plugins-channels.js';
import { SettingsAccess } from '../settings-access.js';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from '../shared/confirm-dialog.js';
import { CARD_LIST_IMPORTS, STATE_CHIPS, stateLabels } from '../shared/card-list.js';

export const PLUGIN_STATE_LABELS: Record<PluginState, string> = stateLabels('加载失败');

/** 插件管理: every plugin with its state; root-admin switches them installation-wide (R1.3). */
@Component({
  selector: 'wls-plugins-page',
  imports: [CARD_LIST_IMPORTS],
  templateUrl: './plugins-page.component.html',
  styleUrls: ['../shared/page.scss', './plugins-page.scss'],
})
export class PluginsPage implements OnInit {
  protected readonly access = inject(SettingsAccess);
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  protected readonly stateLabels = PLUGIN_STATE_LABELS;
  protected readonly stateChip = STATE_CHIPS;

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
      const rows = await this.rpc.call(PLUGINS_LIST);
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
      await this.rpc.call(PLUGINS_SET_ENABLED, { id: plugin.id, enabled });
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

import { Component, DestroyRef, inject, signal, type OnInit } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { MatSlideToggleChange } from '@angular/material/slide-toggle';
import type { ReportExample, ReportListRow, ReportState } from '../../../../sdk/contracts/reports.js';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { Notifier } from '../shared/notifier.js';
import { CARD_LIST_IMPORTS, STATE_CHIPS, stateLabels } from '../shared/card-list.js';
import {
  REPORTS_INSTALL_EXAMPLE,
  REPORTS_LIST,
  REPORTS_RESCAN,
  REPORTS_SET_ENABLED,
  type ReportsAnswer,
} from '../../../../sdk/contracts/reports-channels.js';

export const REPORT_STATE_LABELS: Record<ReportState, string> = stateLabels('无效');

/**
 * 报表 (root-admin): the report plugins of `<data-dir>/reports` as the last scan found them, with content
 * hash, engine check and validation result; 重新扫描, enable/disable (live, for every account), and the
 * examples shipped with the app, installed with one click (docs/report-plugins.md).
 */
@Component({
  selector: 'wls-reports-page',
  imports: [CARD_LIST_IMPORTS],
  templateUrl: './reports-page.component.html',
  styleUrls: ['../shared/page.scss', './reports-page.scss'],
})
export class ReportsPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  protected readonly labels = REPORT_STATE_LABELS;
  protected readonly chip = STATE_CHIPS;
  protected readonly reports = signal<ReportListRow[]>([]);
  protected readonly examples = signal<ReportExample[]>([]);
  protected readonly folder = signal('');
  protected readonly pageLoad = new PageLoad('无法读取报表列表。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  /** The report being switched or installed, `*scan` while scanning; one action at a time. */
  protected readonly busy = signal<string | null>(null);

  constructor() {
    const subscription = this.rpc.on('reports.changed').subscribe(() => {
      if (this.busy() === null) void this.load(false);
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  ngOnInit(): void {
    void this.load();
  }

  private show(answer: ReportsAnswer): void {
    this.reports.set(answer.reports);
    this.examples.set(answer.examples);
    this.folder.set(answer.folder);
  }

  load(showLoading = true): Promise<void> {
    return this.pageLoad.run(async () => this.show(await this.rpc.call(REPORTS_LIST)), !showLoading);
  }

  protected short(hash: string | null): string {
    return hash === null ? '—' : hash.slice(0, 12);
  }

  protected tierLabel(tier: 'user' | 'wecom-admin'): string {
    return TIER_LABELS[tier];
  }

  protected async rescan(): Promise<void> {
    this.busy.set('*scan');
    try {
      this.show(await this.rpc.call(REPORTS_RESCAN));
      const failed = this.reports().filter((report) => report.state === 'failed').length;
      this.notifier.success(
        `已扫描：${this.reports().length} 个报表${failed > 0 ? `，其中 ${failed} 个无效` : ''}`,
      );
    } catch (error) {
      this.notifier.failure(error, '扫描失败。');
    } finally {
      this.busy.set(null);
    }
  }

  protected async setEnabled(report: ReportListRow, change: MatSlideToggleChange): Promise<void> {
    const enabled = change.checked;
    const name = report.title ?? report.id;
    if (!enabled) {
      const confirmed = await confirmAction(this.dialog, {
        title: `停用「${name}」？`,
        message: `停用后，所有账号的菜单中都不再有「${name}」。报表文件夹不会删除，随时可以重新启用。`,
        confirmText: '停用',
        destructive: true,
      });
      if (!confirmed) {
        change.source.checked = true;
        return;
      }
    }
    this.busy.set(report.id);
    try {
      this.show(await this.rpc.call(REPORTS_SET_ENABLED, { id: report.id, enabled }));
      this.notifier.success(enabled ? `已启用「${name}」` : `已停用「${name}」`);
    } catch (error) {
      this.notifier.failure(error, `无法${enabled ? '启用' : '停用'}「${name}」。`);
      await this.load(false);
    } finally {
      this.busy.set(null);
      change.source.checked = this.reports().find((row) => row.id === report.id)?.state === 'enabled';
    }
  }

  protected async install(example: ReportExample): Promise<void> {
    this.busy.set(example.id);
    try {
      this.show(await this.rpc.call(REPORTS_INSTALL_EXAMPLE, { id: example.id }));
      this.notifier.success(`已安装并启用「${example.title}」：可在左侧菜单「报表」中打开`);
    } catch (error) {
      this.notifier.failure(error, `无法安装「${example.title}」。`);
    } finally {
      this.busy.set(null);
    }
  }
}

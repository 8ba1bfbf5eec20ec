import { Component, DestroyRef, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ReportExample, ReportListRow, ReportState } from '../../../../sdk/contracts/reports.js';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { messageOf } from '../shared/errors.js';
import { Notifier } from '../shared/notifier.js';
import { PageState } from '../shared/page-state.js';

interface ReportsAnswer {
  folder: string;
  reports: ReportListRow[];
  examples: ReportExample[];
}

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  enabled: '已启用',
  disabled: '已停用',
  failed: '无效',
};

/**
 * 报表 (root-admin): the report plugins of `<data-dir>/reports` as the last scan found them, with content
 * hash, engine check and validation result; 重新扫描, enable/disable (live, for every account), and the
 * examples shipped with the app, installed with one click (docs/report-plugins.md).
 */
@Component({
  selector: 'wls-reports-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatIconModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    MatTooltipModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="reports-title">
      <header class="page-head">
        <div>
          <h2 id="reports-title">报表</h2>
          <p class="sub">
            报表插件放在数据目录的报表文件夹中（每个报表一个文件夹，内含
            report.json），只含数据定义，不运行代码。
            新增或修改过的报表需要您启用后才能使用；启用、停用立即对所有账号生效。
          </p>
          @if (folder()) {
            <p class="folder">
              报表文件夹：<code>{{ folder() }}</code>
            </p>
          }
        </div>
        <button matButton="outlined" type="button" (click)="rescan()" [disabled]="busy() !== null">
          <mat-icon svgIcon="refresh" />重新扫描
        </button>
      </header>
      @if (busy() === '*scan') {
        <mat-progress-bar mode="indeterminate" aria-label="正在扫描" />
      }
      @if (loading()) {
        <wls-page-state state="loading" message="正在读取报表…" />
      } @else if (error(); as message) {
        <wls-page-state state="error" [message]="message" (retry)="load()" />
      } @else {
        @if (reports().length === 0) {
          <wls-page-state
            state="empty"
            message="报表文件夹中还没有报表。可以安装下面的示例报表，或按开发文档新建一个后点击「重新扫描」。"
          />
        } @else {
          <div class="list" role="list" aria-label="已安装的报表">
            @for (report of reports(); track report.id) {
              <mat-card appearance="outlined" class="item" role="listitem" [attr.data-report]="report.id">
                @if (busy() === report.id) {
                  <mat-progress-bar mode="indeterminate" class="busy" aria-label="正在切换" />
                }
                <div class="row">
                  <div class="main">
                    <div class="title">
                      <span class="name">{{ report.title ?? report.id }}</span>
                      @if (report.version) {
                        <span class="meta">v{{ report.version }}</span>
                      }
                    </div>
                    <div class="meta">
                      {{ report.id }}
                      @if (report.tier) {
                        · 适用：{{ tierLabel(report.tier) }}及以上
                      }
                      @if (report.engine) {
                        · 主程序版本要求 {{ report.engine }}
                        @if (report.engineOk === true) {
                          （符合）
                        } @else if (report.engineOk === false) {
                          （不符合）
                        }
                      }
                    </div>
                    <div class="meta hash" [matTooltip]="report.hash ?? ''">
                      内容指纹 {{ short(report.hash) }}
                      @if (report.changed) {
                        <span class="changed"
                          >· 启用后已修改（启用时 {{ short(report.enabledHash) }}），需重新启用</span
                        >
                      }
                    </div>
                    @if (report.reason) {
                      <p class="reason" role="note">原因：{{ report.reason }}</p>
                    }
                  </div>
                  <mat-chip-set aria-label="状态">
                    <mat-chip [class]="chip[report.state]" [disableRipple]="true">{{
                      labels[report.state]
                    }}</mat-chip>
                  </mat-chip-set>
                  @if (report.state !== 'failed') {
                    <mat-slide-toggle
                      [checked]="report.state === 'enabled'"
                      [disabled]="busy() !== null"
                      (change)="setEnabled(report, $event)"
                      [aria-label]="
                        (report.state === 'enabled' ? '停用' : '启用') + (report.title ?? report.id)
                      "
                    />
                  } @else {
                    <span class="muted small">修正后点击「重新扫描」</span>
                  }
                </div>
              </mat-card>
            }
          </div>
        }
        @if (examples().length > 0) {
          <h3 class="section">示例报表</h3>
          <div class="list" role="list" aria-label="示例报表">
            @for (example of examples(); track example.id) {
              <mat-card appearance="outlined" class="item" role="listitem" [attr.data-example]="example.id">
                <div class="row">
                  <div class="main">
                    <div class="title">
                      <span class="name">{{ example.title }}</span>
                    </div>
                    <p class="meta">{{ example.description }}</p>
                  </div>
                  <button
                    matButton="tonal"
                    type="button"
                    [disabled]="busy() !== null"
                    (click)="install(example)"
                  >
                    <mat-icon svgIcon="download" />{{ example.installed ? '重新安装' : '安装并启用' }}
                  </button>
                </div>
              </mat-card>
            }
          </div>
        }
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .list {
      display: grid;
      gap: 12px;
    }
    .item {
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
    .meta,
    .folder {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 2px 0 0;
      overflow-wrap: anywhere;
    }
    .changed {
      color: var(--mat-sys-error);
    }
    .reason {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .section {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 12px;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
})
export class ReportsPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  protected readonly labels = REPORT_STATE_LABELS;
  protected readonly chip: Record<ReportState, string> = {
    enabled: 'chip-ok',
    disabled: 'chip-off',
    failed: 'chip-bad',
  };
  protected readonly reports = signal<ReportListRow[]>([]);
  protected readonly examples = signal<ReportExample[]>([]);
  protected readonly folder = signal('');
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
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

  async load(showLoading = true): Promise<void> {
    if (showLoading) this.loading.set(true);
    this.error.set(null);
    try {
      this.show(await this.rpc.call<ReportsAnswer>('reports.list'));
    } catch (error) {
      this.error.set(messageOf(error, '无法读取报表列表。'));
    } finally {
      this.loading.set(false);
    }
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
      this.show(await this.rpc.call<ReportsAnswer>('reports.rescan'));
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
      this.show(await this.rpc.call<ReportsAnswer>('reports.setEnabled', { id: report.id, enabled }));
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
      this.show(await this.rpc.call<ReportsAnswer>('reports.installExample', { id: example.id }));
      this.notifier.success(`已安装并启用「${example.title}」：可在左侧菜单「报表」中打开`);
    } catch (error) {
      this.notifier.failure(error, `无法安装「${example.title}」。`);
    } finally {
      this.busy.set(null);
    }
  }
}

import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TIER_LABELS, type Tier } from '../../../../sdk/contracts/tiers.js';
import { DateTimeText } from '../../../../sdk/ui/date-time-text.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { FileTransfer } from '../../../../sdk/ui/file-transfer.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { injectNarrow } from '../shared/narrow.js';
import { Notifier } from '../shared/notifier.js';
import { providePaginatorIntl } from '../../../../sdk/ui/material-intl.js';
import { PageLoad } from '../../../../sdk/ui/page-load.js';
import { PageState } from '../../../../sdk/ui/page-state.js';
import type { AuditPage as AuditAnswer, AuditRow, Preferences } from '../settings-api.js';
import { actionLabel, AUDIT_ACTION_LABELS } from './audit-labels.js';
import { zoneName } from '../../../../sdk/ui/chinese-dates.js';

const PAGE_SIZES = [20, 50, 100] as const;
type PageSize = (typeof PAGE_SIZES)[number];

/** `audit.export`: the workbook in exports/, for FileTransfer.saveExport. */
interface AuditExport {
  fileId: string;
  name: string;
  rows: number;
}

/** 审计日志 (root-admin): logins, failures and admin actions, newest first, paged on the host. */
@Component({
  selector: 'wls-audit-page',
  providers: [providePaginatorIntl('条')],
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTableModule,
    PageState,
  ],
  template: `
    <section class="page" aria-labelledby="audit-title">
      <header class="page-head">
        <div>
          <h2 id="audit-title">审计日志</h2>
          <p class="sub">
            登录、登录失败和管理操作的记录，最新的在前。时间按本安装的时区（{{ zoneName(timeZone()) }}）显示。
          </p>
        </div>
        <div class="head-actions">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
            <mat-label>操作类型</mat-label>
            <mat-select [ngModel]="action()" (ngModelChange)="filter($event)">
              <mat-option [value]="null">全部</mat-option>
              @for (option of actionOptions; track option.value) {
                <mat-option [value]="option.value">{{ option.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button matButton="outlined" type="button" (click)="load()" [disabled]="loading()">
            <mat-icon svgIcon="refresh" />刷新
          </button>
          <button
            matButton="filled"
            type="button"
            class="export"
            (click)="exportExcel()"
            [disabled]="exporting() || total() === 0"
            [attr.aria-busy]="exporting()"
          >
            @if (exporting()) {
              <mat-progress-spinner matButtonIcon mode="indeterminate" diameter="18" aria-hidden="true" />
            } @else {
              <mat-icon svgIcon="download" />
            }
            {{ exporting() ? '正在导出…' : '导出 Excel' }}
          </button>
        </div>
      </header>

      @if (loading() && rows().length === 0) {
        <wl-page-state state="loading" message="正在读取审计日志…" />
      } @else if (error(); as message) {
        <wl-page-state state="error" [message]="message" (retry)="load()" />
      } @else if (rows().length === 0) {
        <wl-page-state
          state="empty"
          [message]="action() === null ? '还没有审计记录。' : '没有这类操作的记录。'"
        />
      } @else {
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载" />
        }
        @if (narrow()) {
          <div class="cards">
            @for (row of rows(); track row.id) {
              <mat-card appearance="outlined">
                <div class="card-body">
                  <div class="card-title">
                    {{ label(row) }}
                    <span [class]="row.ok ? 'result ok' : 'result bad'">{{ row.ok ? '成功' : '失败' }}</span>
                  </div>
                  <dl class="fields">
                    <dt>时间</dt>
                    <dd class="mono">{{ time(row.at) }}</dd>
                    <dt>操作人</dt>
                    <dd>{{ actor(row) }}</dd>
                    <dt>对象</dt>
                    <dd>{{ row.target || '—' }}</dd>
                  </dl>
                </div>
              </mat-card>
            }
          </div>
        } @else {
          <div class="table-wrap">
            <table mat-table [dataSource]="rows()" aria-label="审计日志">
              <ng-container matColumnDef="at">
                <th mat-header-cell *matHeaderCellDef>时间</th>
                <td mat-cell *matCellDef="let row" class="mono nowrap">{{ time(asRow(row).at) }}</td>
              </ng-container>
              <ng-container matColumnDef="actor">
                <th mat-header-cell *matHeaderCellDef>操作人</th>
                <td mat-cell *matCellDef="let row">{{ actor(row) }}</td>
              </ng-container>
              <ng-container matColumnDef="action">
                <th mat-header-cell *matHeaderCellDef>操作</th>
                <td mat-cell *matCellDef="let row">{{ label(row) }}</td>
              </ng-container>
              <ng-container matColumnDef="target">
                <th mat-header-cell *matHeaderCellDef>对象</th>
                <td mat-cell *matCellDef="let row" class="target">{{ asRow(row).target || '—' }}</td>
              </ng-container>
              <ng-container matColumnDef="result">
                <th mat-header-cell *matHeaderCellDef>结果</th>
                <td mat-cell *matCellDef="let row">
                  <span [class]="asRow(row).ok ? 'result ok' : 'result bad'">{{
                    asRow(row).ok ? '成功' : '失败'
                  }}</span>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns"></tr>
            </table>
          </div>
        }
        <mat-paginator
          [length]="total()"
          [pageIndex]="page() - 1"
          [pageSize]="pageSize()"
          [pageSizeOptions]="pageSizes"
          [showFirstLastButtons]="true"
          (page)="changePage($event)"
          aria-label="审计日志分页"
        />
      }
    </section>
  `,
  styleUrl: '../shared/page.scss',
  styles: `
    .filter {
      width: 200px;
    }
    .nowrap {
      white-space: nowrap;
    }
    .target {
      overflow-wrap: anywhere;
    }
    .result {
      display: inline-block;
      padding: 0 10px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      line-height: 22px;
      margin-inline-start: 4px;
    }
    .ok {
      background: color-mix(in srgb, #2e7d32 16%, transparent);
      color: light-dark(#1b5e20, #a5d6a7);
    }
    .bad {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-paginator {
      background: transparent;
    }
  `,
})
export class AuditPage implements OnInit {
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);
  protected readonly timeZone = inject(AppSession).timeZone;
  protected readonly zoneName = zoneName;
  private readonly files = inject(FileTransfer);
  private readonly notifier = inject(Notifier);
  protected readonly narrow = injectNarrow();
  protected readonly columns = ['at', 'actor', 'action', 'target', 'result'];
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
    value,
    label,
  }));

  protected readonly answer = signal<AuditAnswer | null>(null);
  protected readonly rows = computed(() => this.answer()?.rows ?? []);
  protected readonly total = computed(() => this.answer()?.total ?? 0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal<PageSize>(20);
  protected readonly action = signal<string | null>(null);
  protected readonly pageLoad = new PageLoad('无法读取审计日志。');
  protected readonly loading = this.pageLoad.loading;
  protected readonly error = this.pageLoad.error;
  protected readonly exporting = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      const preferences = await this.rpc.call<Preferences>('settings.getPreferences');
      if (preferences.auditPageSize !== undefined) this.pageSize.set(preferences.auditPageSize);
    } catch {
      // Preferences are a convenience: the log shows with the default page size without them.
    }
    await this.load();
  }

  async load(): Promise<void> {
    await this.pageLoad.run(async () => {
      const input: Record<string, unknown> = { page: this.page(), pageSize: this.pageSize() };
      const action = this.action();
      if (action !== null) input['action'] = action;
      this.answer.set(await this.rpc.call<AuditAnswer>('audit.list', input));
    });
  }

  /** The whole log under the current filter (not just this page) as .xlsx, saved or downloaded. */
  protected async exportExcel(): Promise<void> {
    this.exporting.set(true);
    try {
      const action = this.action();
      const made = await this.rpc.call<AuditExport>('audit.export', action === null ? {} : { action });
      const outcome = await this.files.saveExport(made.fileId, made.name);
      if (outcome.kind === 'saved') this.notifier.success(`已导出 ${made.rows} 条记录到 ${outcome.path}`);
      else if (outcome.kind === 'downloading')
        this.notifier.success(`已导出 ${made.rows} 条记录，正在下载 ${made.name}`);
    } catch (error) {
      this.notifier.failure(error, '导出审计日志失败，请稍后重试。');
    } finally {
      this.exporting.set(false);
    }
  }

  protected asRow(row: AuditRow): AuditRow {
    return row;
  }

  protected label(row: AuditRow): string {
    return actionLabel(row);
  }

  protected time(at: number): string {
    return this.dateTime.format(at);
  }

  protected actor(row: AuditRow): string {
    if (row.actor_userid === null) return '（未登录）';
    const tier = row.actor_tier as Tier | null;
    return tier !== null && tier in TIER_LABELS
      ? `${row.actor_userid}（${TIER_LABELS[tier]}）`
      : row.actor_userid;
  }

  protected filter(action: string | null): void {
    this.action.set(action);
    this.page.set(1);
    void this.load();
  }

  protected changePage(event: PageEvent): void {
    const size = event.pageSize as PageSize;
    if (size !== this.pageSize()) {
      this.pageSize.set(size);
      this.page.set(1);
      // Remembered per account (this plugin's own channel); a failure only loses the preference.
      this.rpc.call('settings.setPreferences', { auditPageSize: size }).catch(() => undefined);
    } else {
      this.page.set(event.pageIndex + 1);
    }
    void this.load();
  }
}

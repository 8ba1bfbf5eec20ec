import { Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
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
import { GET_PREFERENCES, SET_PREFERENCES } from '../../shared/channels.js';
import { actionLabel, AUDIT_ACTION_LABELS } from './audit-labels.js';
import { zoneName } from '../../../../sdk/ui/chinese-dates.js';
import { SETTINGS_PAGE_IMPORTS } from '../shared/page-imports.js';
import {
  AUDIT_EXPORT,
  AUDIT_LIST,
  type AuditPage as AuditLogPage,
  type AuditRow,
} from '../../../../sdk/contracts/audit-channels.js';

const PAGE_SIZES = [20, 50, 100] as const;
type PageSize = (typeof PAGE_SIZES)[number];

/** 审计日志 (root-admin): logins, failures and admin actions, newest first, paged on the host. */
@Component({
  selector: 'wls-audit-page',
  providers: [providePaginatorIntl('条')],
  imports: [
    SETTINGS_PAGE_IMPORTS,
    FormsModule,
    MatChipsModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTableModule,
  ],
  templateUrl: './audit-page.component.html',
  styleUrls: ['../shared/page.scss', './audit-page.scss'],
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

  protected readonly answer = signal<AuditLogPage | null>(null);
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
      const preferences = await this.rpc.call(GET_PREFERENCES);
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
      this.answer.set(await this.rpc.call(AUDIT_LIST, input));
    });
  }

  /** The whole log under the current filter (not just this page) as .xlsx, saved or downloaded. */
  protected async exportExcel(): Promise<void> {
    this.exporting.set(true);
    try {
      const action = this.action();
      const made = await this.rpc.call(AUDIT_EXPORT, action === null ? {} : { action });
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
      this.rpc.call(SET_PREFERENCES, { auditPageSize: size }).catch(() => undefined);
    } else {
      this.page.set(event.pageIndex + 1);
    }
    void this.load();
  }
}

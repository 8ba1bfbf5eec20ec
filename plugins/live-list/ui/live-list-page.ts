import { Component, computed, inject, signal, type OnDestroy, type OnInit } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Sort } from '@angular/material/sort';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NgTemplateOutlet } from '@angular/common';
import { firstValueFrom } from 'rxjs';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import {
  LIVE_STATUS_LABELS,
  LIVE_TYPE_LABELS,
  type LiveSortField,
  type LiveStatus,
} from '../../../sdk/contracts/lives.js';
import {
  ICON_BUTTON_IMPORTS,
  NGMODEL_FIELD_IMPORTS,
  DATA_TABLE_IMPORTS,
} from '../../../sdk/ui/page-imports.js';
import { injectBreakpoint } from '../../../sdk/ui/breakpoints.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { FieldHint } from '../../../sdk/ui/field-hint.js';
import { FileTransfer } from '../../../sdk/ui/file-transfer.js';
import { JobProgressComponent } from '../../../sdk/ui/job-progress.js';
import { fieldOf, SchemaValidator, schemaIssue, schemaMessage } from '../../../sdk/ui/schema-validators.js';
import { AppSession } from '../../../sdk/ui/session.js';
import type {
  LiveExportResult,
  LiveListFilters,
  LiveListPage as LiveListAnswer,
  LiveListRow,
  LiveSyncResult,
} from '../shared/live-list-api.js';
import { ConfirmCancelDialog, type ConfirmCancelData } from '../../../sdk/ui/confirm-cancel-live-dialog.js';
import { QuerySchema } from '../shared/input-schemas.js';
import { LiveListApi } from './live-list-api.js';
import { memberSuggestions, rememberSyncedMember } from './member-suggestions.js';
import { dayEndIn, dayStartIn } from './zoned-day.js';
import { PEAK_HINT, PEAK_NOT_SAMPLED, peakSamplesLabel } from '../../../sdk/contracts/peak-online.js';
import { DATE_RANGE_PICKER, zoneName } from '../../../sdk/ui/chinese-dates.js';

const PAGE_SIZES = [10, 20, 50, 100];
const KEYWORD_DELAY_MS = 300;
const RESERVED = 0;

export const SYNC_HINT =
  '留空时，列表只显示本机已保存的直播。填写成员的 userid 后，列表只显示该成员作为主播的直播；' +
  '点「同步该成员的直播」会从企业微信拉取该成员的全部直播（含观看明细）并保存到本机，重复同步不会产生重复数据。' +
  '点输入框可直接选择自己或最近同步过的成员。';
export const INVITER_NOTE =
  '邀请人信息：企业微信仅对推广产品直播（活动直播）提供，其他类型的直播没有邀请人数据。';

/** localStorage, or null where the browser refuses it (private windows with storage disabled). */
function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Which sortable header asks for which store field. */
const SORT_FIELDS: Record<string, LiveSortField> = {
  theme: 'theme',
  start: 'start',
  status: 'status',
  viewerNum: 'viewerNum',
  lastSyncedAt: 'lastSyncedAt',
};

/** 成员直播列表 (R4.1–R4.5): the corp's lives from the local store, a member's sync, row actions, export. */
@Component({
  selector: 'wll-live-list-page',
  imports: [
    ICON_BUTTON_IMPORTS,
    NGMODEL_FIELD_IMPORTS,
    DATA_TABLE_IMPORTS,
    ReactiveFormsModule,
    RouterLink,
    NgTemplateOutlet,
    MatAutocompleteModule,
    MatCardModule,
    MatCheckboxModule,
    ...DATE_RANGE_PICKER,
    MatMenuModule,
    MatProgressBarModule,
    FieldHint,
    JobProgressComponent,
    SchemaValidator,
  ],
  templateUrl: './live-list-page.component.html',
  styleUrl: './live-list-page.scss',
})
export class LiveListPage implements OnInit, OnDestroy {
  private readonly api = inject(LiveListApi);
  private readonly session = inject(AppSession);
  private readonly dateTime = inject(DateTimeText);
  private readonly files = inject(FileTransfer);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly syncHint = SYNC_HINT;
  protected readonly peakHint = PEAK_HINT;
  protected readonly notSampled = PEAK_NOT_SAMPLED;
  protected readonly samplesLabel = peakSamplesLabel;
  protected readonly inviterNote = INVITER_NOTE;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = [
    'theme',
    'start',
    'end',
    'anchor',
    'status',
    'peak',
    'checkin',
    'viewerNum',
    'lastSyncedAt',
    'actions',
  ];
  protected readonly narrow = injectBreakpoint();
  protected readonly timeZone = this.session.timeZone;
  protected readonly zoneName = zoneName;

  protected readonly keyword = signal('');
  protected readonly userid = signal('');
  /** The field's rule is the channels' own (query and sync share it); its message shows as one types. */
  protected readonly useridSchema = fieldOf(QuerySchema, 'userid');
  protected readonly useridInvalid = computed(() => schemaIssue(this.useridSchema, this.userid()) !== null);
  protected readonly schemaMessage = schemaMessage;
  protected readonly showOnDirty = new ShowOnDirtyErrorStateMatcher();
  /** Bumped after a sync so the remembered members are read again. */
  private readonly recentVersion = signal(0);
  /** Oneself and the members synced last, offered under the field (it is not prefilled: it also filters). */
  protected readonly memberChoices = computed(() => {
    this.recentVersion();
    const typed = this.userid().trim().toLowerCase();
    return memberSuggestions(this.session.user(), this.session.corp(), browserStorage()).filter((member) =>
      member.userid.toLowerCase().includes(typed),
    );
  });
  protected readonly range = new FormGroup({
    start: new FormControl<Date | null>(null),
    end: new FormControl<Date | null>(null),
  });
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly sort = signal<Sort>({ active: 'start', direction: 'desc' });

  protected readonly answer = signal<LiveListAnswer | null>(null);
  protected readonly rows = computed(() => this.answer()?.rows ?? []);
  protected readonly total = computed(() => this.answer()?.total ?? 0);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly filtered = computed(
    () =>
      this.keyword().trim() !== '' ||
      (this.userid().trim() !== '' && !this.useridInvalid()) ||
      this.hasRange(),
  );
  private readonly rangeSet = signal(false);

  protected readonly syncJobId = signal<string | null>(null);
  protected readonly syncResult = signal<LiveSyncResult | null>(null);
  /** Why the last sync failed or stopped, kept on the page until the next sync or a dismissal. */
  protected readonly syncFailure = signal<{ title: string; message: string } | null>(null);
  protected readonly syncStarting = signal(false);
  protected readonly syncing = computed(() => this.syncStarting() || this.syncJobId() !== null);
  protected readonly exportJobId = signal<string | null>(null);
  protected readonly exportLabel = signal('导出 Excel');
  protected readonly exportStarting = signal(false);
  protected withCharts = false;

  private readonly enabledPlugins = computed(
    () =>
      new Set(
        this.session
          .plugins()
          .filter((p) => p.state === 'enabled')
          .map((p) => p.id),
      ),
  );
  protected readonly detailAvailable = computed(() => this.enabledPlugins().has('live-detail'));
  protected readonly checkinAvailable = computed(() => this.enabledPlugins().has('checkin-import'));
  protected readonly createAvailable = computed(() => this.enabledPlugins().has('live-create'));

  private keywordTimer: ReturnType<typeof setTimeout> | null = null;
  private loadSeq = 0;

  async ngOnInit(): Promise<void> {
    // A link from elsewhere (创建直播's confirmation) may name what to show: `/lives?keyword=<livingid>`.
    const linked = this.route.snapshot.queryParamMap.get('keyword');
    if (linked !== null && linked.trim() !== '') this.keyword.set(linked.trim());
    this.range.valueChanges.subscribe(() => {
      const { start, end } = this.range.value;
      // Wait for both ends of a range (or none) before asking again.
      if ((start == null) !== (end == null)) return;
      this.rangeSet.set(start != null);
      this.page.set(1);
      void this.load();
    });
    await this.load();
  }

  ngOnDestroy(): void {
    if (this.keywordTimer !== null) clearTimeout(this.keywordTimer);
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const answer = await this.api.query({
        ...this.filters(),
        page: this.page(),
        pageSize: this.pageSize(),
        ...this.sortInput(),
      });
      // An older answer arriving after a newer one must not replace it.
      if (seq === this.loadSeq) this.answer.set(answer);
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(describeAnyError(error));
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  protected keywordChanged(value: string): void {
    this.keyword.set(value);
    if (this.keywordTimer !== null) clearTimeout(this.keywordTimer);
    this.keywordTimer = setTimeout(() => {
      this.page.set(1);
      void this.load();
    }, KEYWORD_DELAY_MS);
  }

  protected useridChanged(value: string): void {
    this.userid.set(value);
    if (this.keywordTimer !== null) clearTimeout(this.keywordTimer);
    // The field says what is wrong; the list keeps its last answer until the userid is one.
    if (this.useridInvalid()) return;
    this.keywordTimer = setTimeout(() => {
      this.page.set(1);
      void this.load();
    }, KEYWORD_DELAY_MS);
  }

  protected clearFilters(): void {
    this.keyword.set('');
    this.userid.set('');
    this.range.reset({ start: null, end: null }, { emitEvent: false });
    this.rangeSet.set(false);
    this.page.set(1);
    void this.load();
  }

  protected clearRange(): void {
    this.range.reset({ start: null, end: null });
  }

  protected changeSort(sort: Sort): void {
    this.sort.set(sort);
    this.page.set(1);
    void this.load();
  }

  protected changePage(event: PageEvent): void {
    if (event.pageSize !== this.pageSize()) {
      this.pageSize.set(event.pageSize);
      this.page.set(1);
    } else {
      this.page.set(event.pageIndex + 1);
    }
    void this.load();
  }

  // ---- sync (R4.4)

  protected async startSync(): Promise<void> {
    const userid = this.userid().trim();
    if (userid === '' || this.useridInvalid() || this.syncing()) return;
    this.syncStarting.set(true);
    this.syncResult.set(null);
    this.syncFailure.set(null);
    try {
      this.syncJobId.set((await this.api.sync(userid)).jobId);
      rememberSyncedMember(this.session.user(), this.session.corp(), userid, browserStorage());
      this.recentVersion.update((version) => version + 1);
    } catch (error) {
      this.snack(`无法开始同步：${describeAnyError(error)}`);
    } finally {
      this.syncStarting.set(false);
    }
  }

  protected syncFinished(snapshot: JobSnapshot): void {
    this.syncJobId.set(null);
    if (snapshot.state === 'done') {
      const result = snapshot.result as LiveSyncResult;
      this.syncResult.set(result);
      // The member as WeCom spells them (「LinYong」 for a typed or suggested 「linyong」) replaces the
      // typed spelling among the recent members.
      rememberSyncedMember(this.session.user(), this.session.corp(), result.userid, browserStorage());
      this.recentVersion.update((version) => version + 1);
    } else if (snapshot.state === 'failed') {
      this.syncFailure.set({
        title: '同步失败',
        message: snapshot.error?.message ?? snapshot.message,
      });
    } else if (snapshot.state === 'cancelled') {
      this.syncFailure.set({ title: '同步已取消', message: '已保存的直播仍在下面列出；可以重新同步。' });
    }
    // Whatever was stored before a failure or a cancel is shown too.
    void this.load();
  }

  protected syncSummary(result: LiveSyncResult): string {
    const parts = [`已同步 ${result.userid} 的 ${result.lives} 场直播，${result.viewers} 条观看记录`];
    if (result.namedInviters > 0) parts.push(`补全 ${result.namedInviters} 位邀请人姓名`);
    if (result.failed.length > 0) parts.push(`${result.failed.length} 场读取失败`);
    return `${parts.join('，')}。`;
  }

  // ---- export (R4.3, R7.1)

  protected async startExport(livingid?: string, theme?: string): Promise<void> {
    if (this.exportJobId() !== null || this.exportStarting()) return;
    this.exportStarting.set(true);
    try {
      const input =
        livingid === undefined
          ? { ...this.filters(), ...this.sortInput(), withCharts: this.withCharts }
          : { livingid };
      this.exportLabel.set(livingid === undefined ? '导出 Excel' : `导出「${theme ?? livingid}」`);
      this.exportJobId.set((await this.api.export({ ...input, timeZone: this.timeZone() })).jobId);
    } catch (error) {
      this.snack(`无法开始导出：${describeAnyError(error)}`);
    } finally {
      this.exportStarting.set(false);
    }
  }

  protected async exportFinished(snapshot: JobSnapshot): Promise<void> {
    this.exportJobId.set(null);
    if (snapshot.state !== 'done') {
      if (snapshot.state === 'failed') this.snack('导出失败，请稍后重试。');
      return;
    }
    const made = snapshot.result as LiveExportResult;
    try {
      const outcome = await this.files.saveExport(made.fileId, made.fileName);
      if (outcome.kind === 'saved') this.snack(`已导出 ${made.rows} 场直播到 ${outcome.path}`);
      else if (outcome.kind === 'downloading')
        this.snack(`已导出 ${made.rows} 场直播，正在下载 ${made.fileName}`);
    } catch (error) {
      this.snack(`保存文件失败：${describeAnyError(error)}`);
    }
  }

  // ---- row actions (R4.5)

  protected openDetail(row: LiveListRow): void {
    void this.router.navigate(['/live', row.livingid]);
  }

  protected importCheckins(row: LiveListRow): void {
    void this.router.navigate(['/checkin'], { queryParams: { livingid: row.livingid } });
  }

  /** Not started yet, and the caller may cancel it (its creator or a WeCom admin; the host checks too). */
  protected canCancel(row: LiveListRow): boolean {
    if (row.status !== RESERVED || row.actualStart !== null) return false;
    const user = this.session.user();
    if (user === null) return false;
    return (
      user.tier === 'wecom-admin' ||
      (row.creatorUserid !== null && row.creatorUserid.toLowerCase() === user.userid.toLowerCase())
    );
  }

  protected async cancelReservation(row: LiveListRow): Promise<void> {
    const data: ConfirmCancelData = { theme: row.theme, start: this.seconds(row.start) };
    const ref = this.dialog.open<ConfirmCancelDialog, ConfirmCancelData, boolean>(ConfirmCancelDialog, {
      data,
      width: '440px',
      maxWidth: '92vw',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    try {
      await this.api.cancel(row.livingid);
      this.snack(`已取消预约：${row.theme}`);
      void this.load();
    } catch (error) {
      this.snack(`取消预约失败：${describeAnyError(error)}`);
    }
  }

  // ---- display

  protected asRow(row: LiveListRow): LiveListRow {
    return row;
  }

  protected seconds(value: number | null): string {
    return value === null ? '—' : this.dateTime.format(value * 1000);
  }

  /** The date part of a time (tables show date and clock on two lines to stay narrow). */
  protected day(value: number | null): string {
    return this.seconds(value).split(' ')[0] ?? '';
  }

  protected clock(value: number | null): string {
    return this.seconds(value).split(' ')[1] ?? '';
  }

  protected dayMs(value: number | null): string {
    return this.millis(value).split(' ')[0] ?? '';
  }

  protected clockMs(value: number | null): string {
    return this.millis(value).split(' ')[1] ?? '';
  }

  protected millis(value: number | null): string {
    return value === null ? '从未' : this.dateTime.format(value);
  }

  protected statusLabel(row: LiveListRow): string {
    return row.status === null ? '未知' : LIVE_STATUS_LABELS[row.status as LiveStatus];
  }

  protected statusClass(row: LiveListRow): string {
    return `status status-${row.status ?? 'unknown'}`;
  }

  protected typeLabel(row: LiveListRow): string {
    return row.type === null ? '' : (LIVE_TYPE_LABELS[row.type] ?? `类型 ${row.type}`);
  }

  protected timeKindLabel(row: LiveListRow): string {
    return row.timeKind === 'actual' ? '实际' : '预约';
  }

  private hasRange(): boolean {
    return this.rangeSet();
  }

  private filters(): LiveListFilters {
    const filters: LiveListFilters = {};
    const keyword = this.keyword().trim();
    const userid = this.userid().trim();
    if (keyword !== '') filters.keyword = keyword;
    if (userid !== '' && !this.useridInvalid()) filters.userid = userid;
    const { start, end } = this.range.value;
    if (start != null && end != null) {
      filters.from = dayStartIn(start, this.timeZone());
      filters.to = dayEndIn(end, this.timeZone());
    }
    return filters;
  }

  private sortInput(): { sort?: { field: LiveSortField; direction: 'asc' | 'desc' } } {
    const sort = this.sort();
    const field = SORT_FIELDS[sort.active];
    if (field === undefined || sort.direction === '') return {};
    return { sort: { field, direction: sort.direction } };
  }

  private snack(message: string): void {
    this.snackBar.open(message, '关闭', { duration: 6000 });
  }
}

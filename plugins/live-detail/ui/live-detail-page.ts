import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import type { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Sort } from '@angular/material/sort';
import { firstValueFrom } from 'rxjs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import {
  LIVE_STATUS_LABELS,
  LIVE_TYPE_LABELS,
  type CheckinCandidate,
  type ViewerDetail,
  type ViewerFilters,
} from '../../../sdk/contracts/lives.js';
import { PEAK_HINT, PEAK_NOT_SAMPLED, peakSamplesLabel } from '../../../sdk/contracts/peak-online.js';
import {
  ICON_BUTTON_IMPORTS,
  NGMODEL_FIELD_IMPORTS,
  DATA_TABLE_IMPORTS,
} from '../../../sdk/ui/page-imports.js';
import { CANCEL_LIVE } from '../../../sdk/contracts/live-list-channels.js';
import { ConfirmCancelDialog, type ConfirmCancelData } from '../../../sdk/ui/confirm-cancel-live-dialog.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { FieldHint } from '../../../sdk/ui/field-hint.js';
import { describeAnyError, errorSnack } from '../../../sdk/ui/error-snack.js';
import { FileTransfer } from '../../../sdk/ui/file-transfer.js';
import { JobProgressComponent } from '../../../sdk/ui/job-progress.js';
import { RpcClient, RpcError } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import type { LiveDetailAnswer, LiveDetailExportResult } from '../shared/live-detail-api.js';
import { DETAIL_SORT_COLUMNS, type DetailSort, type DetailSortColumn } from '../shared/input-schemas.js';
import {
  formatWatchTime,
  INVITER_RULE_LABELS,
  inviterText,
  viewerKindLabel,
} from '../shared/viewer-format.js';
import { CheckinRowsPanel } from './checkin-rows-panel.js';
import { InvitationsPanel } from './invitations-panel.js';
import { LiveDetailApi } from './live-detail-api.js';
import { LiveSurfacePanel } from './live-surface-panel.js';
import { ViewerCharts } from './viewer-charts.js';
import { ViewerFilterBar } from './viewer-filter-bar.js';

// Every column of the viewer table sorts, in the order the table shows them.
const COLUMNS = DETAIL_SORT_COLUMNS;

/**
 * The orders offered where the table becomes cards (no headers to click): `column:direction`, '' for the
 * default (longest watchers first).
 */
const CARD_SORTS: ReadonlyArray<{ value: string; label: string; needsInviters?: true }> = [
  { value: '', label: '观看时长（从长到短）' },
  { value: 'watchTime:asc', label: '观看时长（从短到长）' },
  { value: 'name:asc', label: '姓名' },
  { value: 'kind:asc', label: '类型' },
  { value: 'checkins:desc', label: '签到次数（从多到少）' },
  { value: 'inviter:asc', label: '邀请人', needsInviters: true },
  { value: 'isComment:desc', label: '评论过的在前' },
  { value: 'isMic:desc', label: '连过麦的在前' },
  { value: 'messageInvite:asc', label: '消息邀请（先收到的在前）' },
];

function isSortColumn(column: string): column is DetailSortColumn {
  return (DETAIL_SORT_COLUMNS as readonly string[]).includes(column);
}

/** The page's parts below its header, each a component of its own. */
const DETAIL_PANELS = [
  ViewerFilterBar,
  CheckinRowsPanel,
  ViewerCharts,
  InvitationsPanel,
  LiveSurfacePanel,
] as const;

/** `/live/<livingid>` (R5): the live's header, its viewers joined with check-ins, the viewer profile. */
@Component({
  selector: 'wl-live-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ICON_BUTTON_IMPORTS,
    NGMODEL_FIELD_IMPORTS,
    DATA_TABLE_IMPORTS,
    FieldHint,
    JobProgressComponent,
    MatCheckboxModule,
    MatChipsModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    DETAIL_PANELS,
  ],
  templateUrl: './live-detail-page.component.html',
  styleUrl: './live-detail-page.scss',
})
export class LiveDetailPage {
  private readonly api = inject(LiveDetailApi);
  private readonly rpc = inject(RpcClient);
  private readonly router = inject(Router);
  private readonly session = inject(AppSession);
  private readonly files = inject(FileTransfer);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  protected readonly time = inject(DateTimeText);
  protected readonly peakHint = PEAK_HINT;
  protected readonly notSampled = PEAK_NOT_SAMPLED;
  protected readonly samplesLabel = peakSamplesLabel;

  /** Without inviters (not a promotion live) the column goes; one note above the table says why. */
  protected readonly columns = computed(() =>
    this.answer()?.inviterSupported === false
      ? COLUMNS.filter((column) => column !== 'inviter')
      : [...COLUMNS],
  );
  protected readonly pageSizes = [20, 50, 100];
  protected readonly livingid = signal('');
  protected readonly answer = signal<LiveDetailAnswer | null>(null);
  protected readonly loading = signal(false);
  protected readonly refreshing = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The error shown above the header: on a phone 刷新 sits a screen below it, so it is brought into view. */
  private readonly errorBanner = viewChild<ElementRef<HTMLElement>>('errorBanner');
  private readonly showError = effect(() => {
    this.errorBanner()?.nativeElement.scrollIntoView({ block: 'nearest' });
  });
  protected readonly keyword = signal('');
  protected readonly filters = signal<ViewerFilters>({});
  protected readonly filtered = computed(() => Object.keys(this.filters()).length > 0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly sort = signal<Sort>({ active: '', direction: '' });
  protected readonly withCharts = signal(true);
  protected readonly exportJob = signal<string | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private loadSeq = 0;
  private pullSeq = 0;
  /** What the last pull from WeCom could not do: shown above whatever page of stored data is on screen. */
  private pullNotices: string[] = [];

  protected readonly live = computed(() => this.answer()?.live ?? null);
  protected readonly enabled = (id: string): boolean =>
    this.session.plugins().some((plugin) => plugin.id === id && plugin.state === 'enabled');
  /** A cancelled or expired live never gets viewers or check-ins: nothing to import or export. */
  protected readonly closedWithoutViewers = computed(() => {
    const status = this.live()?.status;
    return status === 3 || status === 4;
  });
  protected readonly canImport = computed(
    () => this.enabled('checkin-import') && !this.closedWithoutViewers(),
  );
  protected readonly canCancel = computed(() => this.enabled('live-list') && this.live()?.status === 0);

  /** The current page, in the order the host read it (the chosen header's, over every page). */
  protected readonly rows = computed<ViewerDetail[]>(() => this.answer()?.viewers.rows ?? []);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.livingid.set(params.get('livingid') ?? '');
        this.answer.set(null);
        this.pullNotices = [];
        this.keyword.set('');
        this.filters.set({});
        this.sort.set({ active: '', direction: '' });
        this.page.set(1);
        void this.open();
      });
  }

  protected refresh(): void {
    void this.pull(true);
  }

  protected search(keyword: string): void {
    this.keyword.set(keyword);
    this.page.set(1);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(false), 250);
  }

  protected filter(filters: ViewerFilters): void {
    this.filters.set(filters);
    this.page.set(1);
    void this.load(false);
  }

  protected readonly cardSorts = computed(() =>
    CARD_SORTS.filter((choice) => choice.needsInviters === undefined || this.answer()?.inviterSupported),
  );
  /** The chosen order as the cards' 排序 field shows it. */
  protected readonly cardSort = computed(() => {
    const { active, direction } = this.sort();
    return direction === '' ? '' : `${active}:${direction}`;
  });

  /** The cards' 排序 field: the same order a header click sets. */
  protected sortCards(value: string): void {
    const [active = '', direction = ''] = value.split(':');
    this.sortBy({ active, direction: direction === 'asc' || direction === 'desc' ? direction : '' });
  }

  /** A header's order applies to every page: back to page 1, read again in that order. */
  protected sortBy(sort: Sort): void {
    this.sort.set(sort);
    this.page.set(1);
    void this.load(false);
  }

  protected turn(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    void this.load(false);
  }

  /** A check-in row now counts for a viewer: the page's rows, rounds and counts are read again. */
  protected checkinResolved(viewer: CheckinCandidate): void {
    this.snackBar.open(`已把这一行签到记为 ${viewer.name || viewer.viewerId} 的签到`, '关闭', {
      duration: 4000,
    });
    void this.load(false);
  }

  protected importCheckins(): void {
    void this.router.navigate(['/checkin'], { queryParams: { livingid: this.livingid() } });
  }

  protected async startExport(): Promise<void> {
    try {
      const { jobId } = await this.api.export(this.livingid(), this.withCharts());
      this.exportJob.set(jobId);
    } catch (error) {
      errorSnack(error, this.snackBar);
    }
  }

  protected async exportFinished(job: JobSnapshot): Promise<void> {
    this.exportJob.set(null);
    if (job.state !== 'done') {
      if (job.state === 'failed')
        this.snackBar.open(`导出失败：${job.error?.message ?? '请稍后重试'}`, '关闭');
      return;
    }
    const result = job.result as LiveDetailExportResult;
    try {
      const outcome = await this.files.saveExport(result.fileId, result.fileName);
      if (outcome.kind === 'saved')
        this.snackBar.open(`已导出到 ${outcome.path}`, '关闭', { duration: 5000 });
      else if (outcome.kind === 'downloading')
        this.snackBar.open(`已导出 ${result.rows} 位观众，正在下载 ${result.fileName}`, '关闭', {
          duration: 5000,
        });
    } catch (error) {
      errorSnack(error, this.snackBar);
    }
  }

  protected async cancelLive(): Promise<void> {
    const live = this.live();
    if (live === null) return;
    const data: ConfirmCancelData = {
      theme: live.theme,
      start: this.time.format(this.seconds(live.reserveStart)),
    };
    const ref = this.dialog.open<ConfirmCancelDialog, ConfirmCancelData, boolean>(ConfirmCancelDialog, {
      data,
      width: '440px',
      maxWidth: '92vw',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    try {
      await this.rpc.call(CANCEL_LIVE, { livingid: this.livingid() });
      this.snackBar.open('已取消预约', '关闭', { duration: 4000 });
      await this.pull();
    } catch (error) {
      errorSnack(error, this.snackBar);
    }
  }

  /** Why the viewer list is empty, in the live's own terms. */
  protected emptyViewersText(): string {
    if (this.filtered()) return '没有符合筛选条件的观众。';
    if (this.keyword() !== '') return '没有匹配的观众。';
    const status = this.live()?.status;
    if (status === 4) return '这场直播已取消，不会有观众数据。';
    if (status === 3) return '这场直播已过期（没有开播），不会有观众数据。';
    if (status === 2) return '企业微信没有这场直播的观看记录。';
    return '还没有观众数据：直播开始后，刷新即可拉取观看明细。';
  }

  protected statusLabel(): string {
    const status = this.live()?.status ?? null;
    return status === null ? '状态未知' : LIVE_STATUS_LABELS[status];
  }

  protected typeLabel(): string {
    const type = this.live()?.type ?? null;
    return type === null ? '' : (LIVE_TYPE_LABELS[type] ?? `类型 ${type}`);
  }

  protected seconds(value: number | null): number | null {
    return value === null ? null : value * 1000;
  }

  protected end(start: number | null, duration: number | null): number | null {
    return start === null || duration === null ? null : (start + duration) * 1000;
  }

  /** Reserved and actual times differ (a captured WeCom answer shows it): both are shown. */
  protected readonly timesDiffer = computed(() => {
    const live = this.live();
    if (live === null || live.actualStart === null) return false;
    return live.actualStart !== live.reserveStart || live.actualDuration !== live.reserveDuration;
  });

  protected watch(row: ViewerDetail): string {
    return formatWatchTime(row.watchTime);
  }

  protected kind(row: ViewerDetail): string {
    return viewerKindLabel(row);
  }

  protected inviter(row: ViewerDetail): string {
    return inviterText(row, this.answer()?.inviterSupported ?? false);
  }

  protected inviterRule(row: ViewerDetail): string {
    if (!(this.answer()?.inviterSupported ?? false) || row.inviterRule === null) return '';
    return INVITER_RULE_LABELS[row.inviterRule];
  }

  protected checkinTimes(row: ViewerDetail): string {
    return row.checkins
      .map((checkin) =>
        `${checkin.title || `第 ${checkin.roundNo} 轮`} ${checkin.at === null ? '' : this.time.format(checkin.at * 1000)}`.trim(),
      )
      .join('；');
  }

  /** 消息邀请: when the first invitation message reached this member before the live ended, else 否. */
  protected messageInvite(row: ViewerDetail): string {
    const at = this.answer()?.messageInvites?.[row.viewerId];
    return at === undefined ? '否' : this.time.format(at);
  }

  /** An invitation or its retry finished: the 消息邀请 column is read again. */
  protected invitationSent(): void {
    void this.load(false);
  }

  /**
   * A visit (R5.1): what is stored shows at once, then the live is pulled from WeCom behind it with a
   * visible indicator (a 3,000-viewer pull takes seconds). A live not stored yet has nothing to show
   * first: its NOT_FOUND stays quiet and the pull answers.
   */
  private async open(): Promise<void> {
    const livingid = this.livingid();
    await this.load(false, true);
    if (livingid === this.livingid()) await this.pull();
  }

  /** Pulls from WeCom; the data on screen stays (and stays usable) until the fresh answer arrives. */
  /** `recheckNames` (the 刷新 button): members WeCom would not name lately are asked again at once. */
  private async pull(recheckNames = false): Promise<void> {
    const pullSeq = ++this.pullSeq;
    this.refreshing.set(true);
    this.error.set(null);
    try {
      await this.load(true, false, recheckNames);
    } finally {
      if (pullSeq === this.pullSeq) this.refreshing.set(false);
    }
  }

  /** The chosen header as the channel takes it; none (the default order) when no direction is set. */
  private sortInput(): { sort?: DetailSort } {
    const { active, direction } = this.sort();
    if (direction === '' || !isSortColumn(active)) return {};
    return { sort: { column: active, direction } };
  }

  /**
   * One `live-detail.get` for the current page and search. A page turn or search during a pull wins the
   * screen; the pull's notices are kept and the page is read again from the store once it has the data.
   */
  private async load(refresh: boolean, quietNotFound = false, recheckNames = false): Promise<void> {
    const seq = ++this.loadSeq;
    const livingid = this.livingid();
    this.loading.set(true);
    if (!refresh) this.error.set(null);
    try {
      const keyword = this.keyword().trim();
      const answer = await this.api.get({
        livingid,
        ...(refresh ? { refresh: true } : {}),
        ...(recheckNames ? { recheckNames: true } : {}),
        ...(keyword === '' ? {} : { keyword }),
        ...(this.filtered() ? { filters: this.filters() } : {}),
        ...this.sortInput(),
        page: this.page(),
        pageSize: this.pageSize(),
      });
      if (refresh) this.pullNotices = answer.notices;
      if (seq !== this.loadSeq) {
        if (refresh && livingid === this.livingid()) void this.load(false);
        return;
      }
      // A search or page turn keeps the pull's notices: they still describe the data shown.
      this.answer.set({ ...answer, notices: this.pullNotices });
    } catch (error) {
      if (seq !== this.loadSeq) return;
      if (quietNotFound && error instanceof RpcError && error.code === 'NOT_FOUND') return;
      this.error.set(describeAnyError(error));
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

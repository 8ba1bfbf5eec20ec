import { Component, computed, inject, Injector, signal, viewChild, type OnInit } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { LIVE_STATUS_LABELS, LIVE_TYPE_LABELS, type LiveStatus } from '../../../sdk/contracts/lives.js';
import { CARD_PAGE_IMPORTS } from '../../../sdk/ui/page-imports.js';
import { copyText } from '../../../sdk/ui/clipboard.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { RpcError } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import type { CreatedLiveAnswer, LiveWithPulls } from '../shared/live-create-api.js';
import { PULL_STAGE_LABELS } from '../shared/live-rules.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { LiveCreateApi } from './live-create-api.js';
import { LiveForm } from './live-form.js';
import { createPayload, durationText, type LiveFormValue } from './live-form-model.js';
import { ModifyDialog } from './modify-dialog.js';
import { AfterCreateChoice, AfterCreatePreference } from './after-create-choice.js';

type RecentState = 'loading' | 'ready' | 'error';

/**
 * 创建直播 (R3): the default page after a WeCom login. The form, then a confirmation with the livingid
 * and the scheduled detail pulls, and the caller's recently created lives with 修改 while not started.
 */
@Component({
  selector: 'wlc-live-create-page',
  imports: [CARD_PAGE_IMPORTS, MatTooltipModule, RouterLink, LiveForm, AfterCreateChoice],
  templateUrl: './live-create-page.component.html',
  styleUrl: './live-create-page.scss',
})
export class LiveCreatePage implements OnInit {
  private readonly api = inject(LiveCreateApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  // The dialog's form needs the route's providers (date adapter, icons).
  private readonly injector = inject(Injector);
  protected readonly session = inject(AppSession);
  /** R3.2: after creating, menu 2 (the member live list) is where the live is followed. */
  protected readonly listAvailable = computed(() =>
    this.session.plugins().some((plugin) => plugin.id === 'live-list' && plugin.state === 'enabled'),
  );
  /** R10.3: the detail page's invite dialog (`?invite=1`) sends the new live's invitations. */
  protected readonly detailAvailable = computed(() =>
    this.session.plugins().some((plugin) => plugin.id === 'live-detail' && plugin.state === 'enabled'),
  );
  private readonly form = viewChild(LiveForm);
  private readonly router = inject(Router);
  private readonly afterCreate = inject(AfterCreatePreference);

  protected readonly userid = computed(() => this.session.user()?.userid ?? '');
  protected readonly username = computed(() => this.session.user()?.username ?? '');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly created = signal<CreatedLiveAnswer | null>(null);
  protected readonly recent = signal<LiveWithPulls[]>([]);
  protected readonly recentState = signal<RecentState>('loading');

  protected readonly stageLabels = PULL_STAGE_LABELS;
  private readonly dateTime = inject(DateTimeText);

  /** WeCom's Unix seconds, in the installation's zone. */
  protected unixText(seconds: number | null | undefined): string {
    return this.dateTime.format(seconds === null || seconds === undefined ? null : seconds * 1000);
  }

  protected msText(ms: number | null | undefined): string {
    return this.dateTime.format(ms);
  }
  protected readonly durationText = durationText;

  /** One key per distinct request: a double click or a retry after a lost answer reuses it. */
  private pending: { payload: string; key: string } | null = null;

  ngOnInit(): void {
    void this.loadRecent();
  }

  protected async create(value: LiveFormValue): Promise<void> {
    if (this.busy()) return;
    const payload = createPayload(value);
    const text = JSON.stringify(payload);
    if (this.pending?.payload !== text) this.pending = { payload: text, key: crypto.randomUUID() };
    this.busy.set(true);
    this.error.set(null);
    try {
      const answer = await this.api.create({ ...payload, idempotencyKey: this.pending.key });
      this.pending = null;
      this.created.set(answer);
      this.form()?.reset();
      void this.loadRecent();
      if (this.listAvailable() && this.afterCreate.openList()) this.openInList(answer);
    } catch (error) {
      // A refusal with a definite answer frees the key for a corrected request.
      if (error instanceof RpcError && !['WECOM_UNREACHABLE', 'INTERNAL'].includes(error.code))
        this.pending = null;
      this.error.set(describeAnyError(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** R3.2: menu 2 with the new live shown (the list filtered to its livingid). */
  private openInList(answer: CreatedLiveAnswer): void {
    void this.router.navigate(['/lives'], { queryParams: { keyword: answer.livingid } });
    const message = `「${answer.live.theme}」创建成功，已在成员直播列表中显示。`;
    if (!this.detailAvailable()) {
      this.snackBar.open(message, '关闭', { duration: 6000 });
      return;
    }
    // The confirmation's 邀请观看 is not on screen here: the notice offers it instead (R10.3).
    const notice = this.snackBar.open(message, '邀请观看', { duration: 12000 });
    notice.onAction().subscribe(() => {
      void this.router.navigate(['/live', answer.livingid], { queryParams: { invite: 1 } });
    });
  }

  protected async loadRecent(): Promise<void> {
    this.recentState.set('loading');
    try {
      this.recent.set((await this.api.recent(10)).rows);
      this.recentState.set('ready');
    } catch {
      this.recentState.set('error');
    }
  }

  protected async modify(row: LiveWithPulls): Promise<void> {
    const ref = this.dialog.open<ModifyDialog, unknown, LiveWithPulls>(ModifyDialog, {
      data: row.live,
      width: '760px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
      injector: this.injector,
    });
    const modified = await firstValueFrom(ref.afterClosed());
    if (modified === undefined) return;
    this.snackBar.open('已修改预约直播，详情拉取已按新时间安排。', '关闭', { duration: 5000 });
    const shown = this.created();
    if (shown?.livingid === modified.live.livingid) this.created.set({ ...shown, ...modified });
    void this.loadRecent();
  }

  protected async copy(livingid: string): Promise<void> {
    const copied = await copyText(livingid);
    this.snackBar.open(copied ? '已复制直播 ID' : '复制失败，请手动选择复制', '关闭', { duration: 3000 });
  }

  protected statusLabel(status: number | null): string {
    return status === null ? '未同步' : (LIVE_STATUS_LABELS[status as LiveStatus] ?? `状态 ${status}`);
  }

  protected typeLabel(type: number | null): string {
    return type === null ? '—' : (LIVE_TYPE_LABELS[type] ?? `类型 ${type}`);
  }

  /** Modify is offered while the live is reserved and its start is ahead. */
  protected modifiable(row: LiveWithPulls): boolean {
    return (row.live.status ?? 0) === 0 && (row.live.reserveStart ?? 0) * 1000 > Date.now();
  }
}

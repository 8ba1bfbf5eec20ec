import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  CheckinCandidate,
  CheckinRoundSummary,
  PageOf,
  UnmatchedCheckin,
} from '../../../sdk/contracts/lives.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';
import { formatWatchTime, UNMATCHED_REASONS, viewerKindLabel } from '../shared/viewer-format.js';
import { LiveDetailApi } from './live-detail-api.js';

/**
 * The live's check-in rounds (已签到人数 as the workbook stated it beside the rows it held) and the rows
 * no single viewer fits, kept by the import and listed here page by page, with the page's search.
 */
@Component({
  selector: 'wl-checkin-rows-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatExpansionModule, MatIconModule, MatPaginatorModule, MatProgressBarModule],
  // Rows, not people: the page around it counts viewers in 人.
  providers: [providePaginatorIntl('条')],
  templateUrl: './checkin-rows-panel.component.html',
  styleUrl: './checkin-rows-panel.scss',
})
export class CheckinRowsPanel {
  private readonly api = inject(LiveDetailApi);
  protected readonly time = inject(DateTimeText);

  readonly livingid = input.required<string>();
  readonly keyword = input('');
  readonly rounds = input.required<readonly CheckinRoundSummary[]>();
  /** Rows without a viewer that fit the search (from `live-detail.get`). */
  readonly unmatchedTotal = input.required<number>();
  /** A row was resolved to a viewer: the page reads its viewers and figures again. */
  readonly resolved = output<CheckinCandidate>();

  protected readonly reasons = UNMATCHED_REASONS;
  protected readonly open = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly rows = signal<PageOf<UnmatchedCheckin> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly records = computed(() => this.rounds().reduce((sum, round) => sum + round.records, 0));
  /** The ambiguous row whose candidates are open (`round:row`), its candidates, and a pick under way. */
  protected readonly picking = signal<string | null>(null);
  protected readonly candidates = signal<CheckinCandidate[] | null>(null);
  protected readonly saving = signal(false);
  protected readonly pickError = signal<string | null>(null);
  protected readonly kindLabel = viewerKindLabel;
  protected readonly watchTime = formatWatchTime;
  private loadSeq = 0;

  constructor() {
    // A new search or live starts again at page 1; rows load only once the panel is opened.
    effect(() => {
      this.livingid();
      this.keyword();
      this.unmatchedTotal();
      untracked(() => {
        this.page.set(1);
        if (this.open()) void this.load();
        else this.rows.set(null);
      });
    });
  }

  protected opened(): void {
    this.open.set(true);
    if (this.rows() === null) void this.load();
  }

  protected turn(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
    void this.load();
  }

  protected rowKey(row: UnmatchedCheckin): string {
    return `${row.roundNo}:${row.rowNo}`;
  }

  /** Opens (or closes) the candidates of an ambiguous row: the viewers with its name. */
  protected async pick(row: UnmatchedCheckin): Promise<void> {
    const key = this.rowKey(row);
    if (this.picking() === key) {
      this.picking.set(null);
      return;
    }
    this.picking.set(key);
    this.candidates.set(null);
    this.pickError.set(null);
    try {
      const found = await this.api.candidates(this.livingid(), {
        roundNo: row.roundNo,
        rowNo: row.rowNo,
        memberLabel: row.memberLabel,
      });
      if (this.picking() === key) this.candidates.set(found);
    } catch (error) {
      if (this.picking() === key) this.pickError.set(describeAnyError(error));
    }
  }

  /** "这是他/她": records the pick; the page reloads, which reloads these rows. */
  protected async choose(row: UnmatchedCheckin, viewer: CheckinCandidate): Promise<void> {
    this.saving.set(true);
    this.pickError.set(null);
    try {
      const picked = await this.api.resolve(this.livingid(), {
        roundNo: row.roundNo,
        rowNo: row.rowNo,
        memberLabel: row.memberLabel,
        viewerKind: viewer.kind,
        viewerId: viewer.viewerId,
      });
      this.picking.set(null);
      this.resolved.emit(picked);
    } catch (error) {
      this.pickError.set(describeAnyError(error));
    } finally {
      this.saving.set(false);
    }
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const keyword = this.keyword().trim();
      const answer = await this.api.unmatched({
        livingid: this.livingid(),
        ...(keyword === '' ? {} : { keyword }),
        page: this.page(),
        pageSize: this.pageSize(),
      });
      if (seq === this.loadSeq) this.rows.set(answer);
    } catch (error) {
      if (seq === this.loadSeq) this.error.set(describeAnyError(error));
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

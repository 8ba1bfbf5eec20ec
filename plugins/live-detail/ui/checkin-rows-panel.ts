import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CheckinRoundSummary, PageOf, UnmatchedCheckin } from '../../../sdk/contracts/lives.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';
import { UNMATCHED_REASONS } from '../shared/viewer-format.js';
import { LiveDetailApi } from './live-detail-api.js';

/**
 * The live's check-in rounds (已签到人数 as the workbook stated it beside the rows it held) and the rows
 * no single viewer fits, kept by the import and listed here page by page, with the page's search.
 */
@Component({
  selector: 'wl-checkin-rows-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatExpansionModule, MatIconModule, MatPaginatorModule, MatProgressBarModule],
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

  protected readonly reasons = UNMATCHED_REASONS;
  protected readonly open = signal(false);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);
  protected readonly rows = signal<PageOf<UnmatchedCheckin> | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly records = computed(() => this.rounds().reduce((sum, round) => sum + round.records, 0));
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

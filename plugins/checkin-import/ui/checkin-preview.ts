import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import type { CheckinImportResult, MemberPreview, MemberRow } from '../shared/checkin-api.js';
import { CheckinImportApi } from './checkin-import-api.js';

type State = MemberPreview['state'];

/** The rows of one group fetched so far (of the job they belong to), and the fetch under way. */
interface GroupRows {
  jobId: string;
  rows: MemberRow[];
  loading: boolean;
  error: string | null;
}

const GROUPS: ReadonlyArray<{ state: State; title: string; empty: string }> = [
  { state: 'matched', title: '已匹配', empty: '没有匹配到观众的成员。' },
  { state: 'ambiguous', title: '同名待定', empty: '没有同名的成员。' },
  { state: 'unmatched', title: '未匹配', empty: '所有成员都已匹配。' },
];

/**
 * A preview or import result: the rounds as stated vs found, and the members by match state. The
 * result carries counts only; each group's rows are fetched a page at a time (`checkin-import.rows`)
 * when its panel opens, so a 10 × 5,000 workbook never puts 50,000 rows in memory or on the page.
 */
@Component({
  selector: 'wci-checkin-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatExpansionModule, MatIconModule, MatProgressBarModule],
  templateUrl: './checkin-preview.component.html',
  styleUrl: './checkin-preview.scss',
})
export class CheckinPreview {
  private readonly dateTime = inject(DateTimeText);
  private readonly api = inject(CheckinImportApi);
  readonly result = input.required<CheckinImportResult>();
  /** The preview job whose rows these are. */
  readonly jobId = input.required<string>();

  protected readonly step = 100;
  private readonly fetched = signal<Partial<Record<State, GroupRows>>>({});

  protected readonly groups = computed(() => {
    const result = this.result();
    const fetched = this.fetched();
    return GROUPS.map((group) => {
      const own = fetched[group.state];
      const current = own !== undefined && own.jobId === this.jobId() ? own : undefined;
      return {
        ...group,
        total: result[group.state],
        rows: current?.rows ?? [],
        loading: current?.loading ?? false,
        error: current?.error ?? null,
      };
    });
  });

  /** The panel opened: its first page, unless it is there already. */
  protected opened(state: State): void {
    const group = this.groups().find((found) => found.state === state);
    if (group === undefined || group.total === 0 || group.rows.length > 0 || group.loading) return;
    void this.fetchPage(state);
  }

  protected showMore(state: State): void {
    void this.fetchPage(state);
  }

  protected unixText(seconds: number): string {
    return this.dateTime.format(seconds * 1000);
  }

  protected kindText(kind: 'internal' | 'external'): string {
    return kind === 'internal' ? '企业成员' : '外部用户';
  }

  private async fetchPage(state: State): Promise<void> {
    const jobId = this.jobId();
    const before = this.groups().find((found) => found.state === state)?.rows ?? [];
    this.patch(state, { jobId, rows: before, loading: true, error: null });
    try {
      const page = await this.api.rows({
        jobId,
        state,
        page: Math.floor(before.length / this.step) + 1,
        pageSize: this.step,
      });
      if (jobId !== this.jobId()) return;
      this.patch(state, { jobId, rows: [...before, ...page.rows], loading: false, error: null });
    } catch (error) {
      if (jobId !== this.jobId()) return;
      this.patch(state, { jobId, rows: before, loading: false, error: describeAnyError(error) });
    }
  }

  private patch(state: State, rows: GroupRows): void {
    this.fetched.update((fetched) => ({ ...fetched, [state]: rows }));
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import type { CheckinImportResult, MemberPreview } from '../shared/checkin-api.js';

type State = MemberPreview['state'];

interface MemberRow extends MemberPreview {
  sheet: string;
}

const GROUPS: ReadonlyArray<{ state: State; title: string; empty: string }> = [
  { state: 'matched', title: '已匹配', empty: '没有匹配到观众的成员。' },
  { state: 'ambiguous', title: '同名待定', empty: '没有同名的成员。' },
  { state: 'unmatched', title: '未匹配', empty: '所有成员都已匹配。' },
];

/** A preview or import result: the rounds as stated vs found, and the members by match state. */
@Component({
  selector: 'wci-checkin-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatExpansionModule, MatIconModule],
  templateUrl: './checkin-preview.component.html',
  styleUrl: './checkin-preview.scss',
})
export class CheckinPreview {
  private readonly dateTime = inject(DateTimeText);
  readonly result = input.required<CheckinImportResult>();

  protected readonly groups = computed(() => {
    const members: MemberRow[] = this.result().rounds.flatMap((round) =>
      round.members.map((member) => ({ ...member, sheet: round.sheet })),
    );
    return GROUPS.map((group) => ({
      ...group,
      rows: members.filter((member) => member.state === group.state),
    }));
  });

  /** Rows listed per group at first: a 10 × 5,000 workbook would otherwise put 50,000 items on the page. */
  protected readonly step = 100;
  private readonly limits = signal<Partial<Record<State, number>>>({});

  protected shown(group: { state: State; rows: MemberRow[] }): MemberRow[] {
    return group.rows.slice(0, this.limits()[group.state] ?? this.step);
  }

  protected showMore(state: State): void {
    this.limits.update((limits) => ({ ...limits, [state]: (limits[state] ?? this.step) + this.step }));
  }

  protected unixText(seconds: number): string {
    return this.dateTime.format(seconds * 1000);
  }

  protected matchedIn(members: readonly MemberPreview[]): number {
    return members.filter((member) => member.state === 'matched').length;
  }

  protected kindText(kind: 'internal' | 'external'): string {
    return kind === 'internal' ? '企业成员' : '外部用户';
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipListboxChange } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ViewerFilters, ViewerTypeFilter } from '../../../sdk/contracts/lives.js';

type YesNo = 'any' | 'yes' | 'no';

const TYPES: ReadonlyArray<{ value: ViewerTypeFilter; label: string }> = [
  { value: 'member', label: '企业成员' },
  { value: 'wechat', label: '微信用户' },
  { value: 'corp', label: '其他企业的企业微信用户' },
];

/** Whole minutes as typed (blank = no bound), in seconds; anything else is no bound either. */
function minutesToSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^\d{1,5}$/.test(trimmed)) return undefined;
  return Number(trimmed) * 60;
}

/**
 * The viewer list's filter row (R5.2): 签到, 观众类型, 观看时长 and 邀请人. Chip listboxes move with the
 * arrow keys and toggle with Space; the minute fields apply on Enter or leaving the field. The store
 * applies the filters, so the count and the pages are those of the filtered list.
 */
@Component({
  selector: 'wl-viewer-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatChipsModule, MatFormFieldModule, MatInputModule],
  templateUrl: './viewer-filter-bar.html',
  styleUrl: './viewer-filter-bar.scss',
})
export class ViewerFilterBar {
  readonly filters = input.required<ViewerFilters>();
  readonly inviterSupported = input(true);
  readonly filtersChange = output<ViewerFilters>();

  protected readonly typeOptions = TYPES;
  protected readonly checkedIn = computed<YesNo>(() => yesNo(this.filters().checkedIn));
  protected readonly hasInviter = computed<YesNo>(() => yesNo(this.filters().hasInviter));
  protected readonly types = computed(() => this.filters().types ?? []);
  protected readonly active = computed(() => Object.keys(this.filters()).length > 0);

  protected minutes(seconds: number | undefined): string {
    return seconds === undefined ? '' : String(Math.floor(seconds / 60));
  }

  protected setCheckedIn(event: MatChipListboxChange): void {
    this.emit({ checkedIn: fromYesNo(event.value) });
  }

  protected setHasInviter(event: MatChipListboxChange): void {
    this.emit({ hasInviter: fromYesNo(event.value) });
  }

  protected setTypes(event: MatChipListboxChange): void {
    const types = (Array.isArray(event.value) ? event.value : []) as ViewerTypeFilter[];
    this.emit({ types: types.length === 0 || types.length === TYPES.length ? undefined : types });
  }

  protected setWatch(bound: 'minWatch' | 'maxWatch', text: string): void {
    this.emit({ [bound]: minutesToSeconds(text) });
  }

  /** The current filters with one changed; a filter set to "any" is dropped, not sent as undefined. */
  private emit(change: { [K in keyof ViewerFilters]?: ViewerFilters[K] | undefined }): void {
    const next: Record<string, unknown> = { ...this.filters(), ...change };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    const filters = next as ViewerFilters;
    // Bounds typed the wrong way round are swapped rather than refused.
    if (
      filters.minWatch !== undefined &&
      filters.maxWatch !== undefined &&
      filters.minWatch > filters.maxWatch
    )
      [filters.minWatch, filters.maxWatch] = [filters.maxWatch, filters.minWatch];
    this.filtersChange.emit(filters);
  }
}

function yesNo(value: boolean | undefined): YesNo {
  return value === undefined ? 'any' : value ? 'yes' : 'no';
}

function fromYesNo(value: unknown): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

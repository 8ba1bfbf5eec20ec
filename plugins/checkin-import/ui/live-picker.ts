import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import type { CheckinLiveOption } from '../shared/checkin-api.js';
import { CheckinImportApi } from './checkin-import-api.js';

const SEARCH_DELAY_MS = 250;

/** Picks a live from the local store by theme or livingid (`checkin-import.lives`), newest first. */
@Component({
  selector: 'wci-live-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  template: `
    <mat-form-field appearance="outline" class="field" subscriptSizing="dynamic">
      <mat-label>选择直播</mat-label>
      <mat-icon matPrefix svgIcon="search" aria-hidden="true" />
      <input
        matInput
        type="search"
        [matAutocomplete]="auto"
        (input)="search($any($event.target).value)"
        (focus)="options().length === 0 && search('')"
        placeholder="输入直播主题或直播 ID"
        autocomplete="off"
      />
      <mat-hint>{{ hint() }}</mat-hint>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="choose($event)" [displayWith]="display">
        @for (live of options(); track live.livingid) {
          <mat-option [value]="live">
            <span class="theme">{{ live.theme || '（无主题）' }}</span>
            <span class="meta">{{ startText(live) }} · {{ live.livingid }}</span>
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="正在查找直播" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .theme {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class LivePicker {
  private readonly api = inject(CheckinImportApi);
  private readonly dateTime = inject(DateTimeText);
  readonly picked = output<CheckinLiveOption>();

  protected readonly options = signal<CheckinLiveOption[]>([]);
  protected readonly loading = signal(false);
  protected readonly hint = signal('只列出本地已同步的直播；没有找到时请先在直播列表中同步。');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = 0;

  protected readonly display = (live: CheckinLiveOption | string | null): string =>
    typeof live === 'object' && live !== null ? live.theme || live.livingid : (live ?? '');

  protected startText(live: CheckinLiveOption): string {
    return live.start === null ? '开始时间未知' : this.dateTime.format(live.start * 1000);
  }

  protected search(keyword: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(keyword.trim()), SEARCH_DELAY_MS);
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as CheckinLiveOption);
  }

  private async load(keyword: string): Promise<void> {
    const request = ++this.latest;
    this.loading.set(true);
    try {
      const found = await this.api.lives(keyword);
      if (request !== this.latest) return;
      this.options.set(found);
      this.hint.set(
        found.length === 0
          ? keyword === ''
            ? '本地还没有直播：请先在直播列表中同步。'
            : `没有主题或 ID 含「${keyword}」的直播。`
          : '只列出本地已同步的直播；没有找到时请先在直播列表中同步。',
      );
    } catch (error) {
      if (request === this.latest) this.hint.set(describeAnyError(error));
    } finally {
      if (request === this.latest) this.loading.set(false);
    }
  }
}

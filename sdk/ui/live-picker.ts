import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  model,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LIVES_PICK, type LiveOption } from '../contracts/lives-channels.js';
import { LIVE_STATUS_LABELS } from '../contracts/lives.js';
import { DateTimeText } from './date-time-text.js';
import { describeAnyError } from './error-snack.js';
import { RpcClient } from './rpc-client.js';

const SEARCH_DELAY_MS = 250;
const LIMIT = 20;

/** The picker's state below its options: what the panel and the hint say. */
type PickState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/**
 * The one live picker (docs/plugin-development.md "UI: routes, calls and shared pieces"): an autocomplete over the caller
 * corp's stored lives (`lives.pick`), searched by theme, livingid or anchor; each option shows the
 * theme, start time, status and anchor. Arrow keys and Enter choose (the first match is active),
 * Escape closes. `value` is the chosen livingid (two-way: typing after a choice clears it); `picked`
 * tells the chosen live. Loading, nothing found and a failed read are said in the panel and the hint.
 */
@Component({
  selector: 'wl-live-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  templateUrl: './live-picker.component.html',
  styleUrl: './live-picker.scss',
})
export class LivePicker {
  private readonly rpc = inject(RpcClient);
  private readonly dateTime = inject(DateTimeText);

  readonly label = input('选择直播');
  /** The hint under the field while nothing is wrong; empty: the default one. */
  readonly hint = input('');
  readonly required = input(false);
  /** The chosen livingid; null while none is. */
  readonly value = model<string | null>(null);
  readonly picked = output<LiveOption>();

  protected readonly options = signal<LiveOption[]>([]);
  protected readonly state = signal<PickState>('idle');
  protected readonly errorText = signal('');
  protected readonly keyword = signal('');
  /** What the input shows: the chosen live's theme, or what was typed. */
  protected readonly text = signal('');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      if (this.timer !== null) clearTimeout(this.timer);
    });
    // A livingid given from outside (a report's default, a route): show its live's theme.
    effect(() => {
      const livingid = this.value();
      untracked(() => {
        if (livingid === null || livingid === '') return;
        if (this.options().some((live) => live.livingid === livingid && this.text() === this.display(live)))
          return;
        void this.describe(livingid);
      });
    });
  }

  protected readonly display = (live: LiveOption | string | null): string =>
    typeof live === 'object' && live !== null ? live.theme || live.livingid : (live ?? '');

  protected startText(live: LiveOption): string {
    return live.start === null ? '开始时间未知' : this.dateTime.format(live.start * 1000);
  }

  protected statusText(live: LiveOption): string {
    return live.status === null ? '状态未知' : LIVE_STATUS_LABELS[live.status];
  }

  protected anchorText(live: LiveOption): string {
    return live.anchorName ?? live.anchorUserid;
  }

  protected hintText(): string {
    switch (this.state()) {
      case 'error':
        return this.errorText();
      case 'empty':
        return this.emptyText();
      default:
        return this.hint() || '按主题、直播 ID 或主播搜索本机保存的直播。';
    }
  }

  protected emptyText(): string {
    const keyword = this.keyword();
    return keyword === ''
      ? '本机还没有保存直播：请先在直播列表中同步，或创建一场直播。'
      : `没有主题、直播 ID 或主播含「${keyword}」的直播。`;
  }

  /** The field got focus: list the newest lives unless a search already answered. */
  protected opened(): void {
    if (this.state() === 'idle' || this.state() === 'error') this.search(this.chosen() ? '' : this.text());
  }

  protected typed(text: string): void {
    this.text.set(text);
    if (this.value() !== null) this.value.set(null);
    this.search(text);
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const live = event.option.value as LiveOption;
    this.text.set(this.display(live));
    this.value.set(live.livingid);
    this.picked.emit(live);
  }

  private chosen(): boolean {
    return this.value() !== null;
  }

  private search(text: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.state.set('loading');
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load(text.trim());
    }, SEARCH_DELAY_MS);
  }

  private async load(keyword: string): Promise<void> {
    const request = ++this.latest;
    this.keyword.set(keyword);
    this.state.set('loading');
    try {
      const found = await this.rpc.call(LIVES_PICK, { ...(keyword === '' ? {} : { keyword }), limit: LIMIT });
      if (request !== this.latest) return;
      this.options.set(found);
      this.state.set(found.length === 0 ? 'empty' : 'ready');
    } catch (error) {
      if (request !== this.latest) return;
      this.options.set([]);
      this.errorText.set(`无法读取直播：${describeAnyError(error)}`);
      this.state.set('error');
    }
  }

  private async describe(livingid: string): Promise<void> {
    try {
      const found = await this.rpc.call(LIVES_PICK, { keyword: livingid, limit: 5 });
      const live = found.find((option) => option.livingid === livingid);
      if (this.value() === livingid) this.text.set(live === undefined ? livingid : this.display(live));
    } catch {
      if (this.value() === livingid) this.text.set(livingid);
    }
  }
}

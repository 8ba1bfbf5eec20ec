import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LIVE_STATUS_LABELS, type LiveRecord } from '../../../sdk/contracts/lives.js';
import { DateTimeText } from '../../../sdk/ui/date-time-text.js';
import { describeAnyError } from '../../../sdk/ui/error-snack.js';
import { LiveDetailApi } from './live-detail-api.js';

/** `/live`: search the lives stored here and open one (the live list links straight to `/live/<id>`). */
@Component({
  selector: 'wl-live-picker-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatListModule,
    MatPaginatorModule,
    MatProgressBarModule,
    RouterLink,
  ],
  // The picker pages lives (场); the route's default unit is the detail page's viewers (人).
  providers: [providePaginatorIntl('场')],
  template: `
    <h1 class="title">直播详情</h1>
    <p class="lead">选择一场已保存在本机的直播，查看观众明细、签到和观众画像。</p>
    <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
      <mat-label>搜索直播</mat-label>
      <mat-icon matPrefix svgIcon="search" />
      <input matInput [ngModel]="keyword()" (ngModelChange)="search($event)" placeholder="主题或直播 ID" />
    </mat-form-field>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="正在加载" />
    }
    @if (error(); as message) {
      <p class="state error" role="alert">{{ message }}</p>
    } @else if (!loading() && lives().length === 0) {
      <p class="state">
        {{ keyword() ? '没有匹配的直播。' : '本机还没有保存直播：先在直播列表中同步，或创建一场直播。' }}
      </p>
    }
    <mat-nav-list aria-label="直播">
      @for (live of lives(); track live.livingid) {
        <a mat-list-item [routerLink]="['/live', live.livingid]">
          <mat-icon matListItemIcon svgIcon="insights" />
          <span matListItemTitle>{{ live.theme || '（无主题）' }}</span>
          <span matListItemLine
            >{{ statusLabel(live) }} · {{ time.format(startOf(live)) }} ·
            {{ live.viewerNum ?? 0 }} 人观看</span
          >
        </a>
      }
    </mat-nav-list>
    @if (total() > pageSize) {
      <mat-paginator
        [length]="total()"
        [pageSize]="pageSize"
        [pageIndex]="page() - 1"
        (page)="turn($event)"
      />
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    .title {
      font: var(--mat-sys-headline-small);
      margin: 0 0 4px;
    }
    .lead,
    .state {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .search {
      width: 100%;
      margin-bottom: 8px;
    }
  `,
})
export class LivePickerPage {
  private readonly api = inject(LiveDetailApi);
  protected readonly time = inject(DateTimeText);
  protected readonly pageSize = 20;
  protected readonly keyword = signal('');
  protected readonly page = signal(1);
  protected readonly lives = signal<LiveRecord[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
  }

  protected search(keyword: string): void {
    this.keyword.set(keyword);
    this.page.set(1);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), 250);
  }

  protected turn(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    void this.load();
  }

  protected statusLabel(live: LiveRecord): string {
    return live.status === null ? '状态未知' : LIVE_STATUS_LABELS[live.status];
  }

  protected startOf(live: LiveRecord): number | null {
    const start = live.actualStart ?? live.reserveStart;
    return start === null ? null : start * 1000;
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const keyword = this.keyword().trim();
      const answer = await this.api.lives({
        ...(keyword === '' ? {} : { keyword }),
        page: this.page(),
        pageSize: this.pageSize,
      });
      this.lives.set(answer.rows);
      this.total.set(answer.total);
    } catch (error) {
      this.error.set(describeAnyError(error));
    } finally {
      this.loading.set(false);
    }
  }
}

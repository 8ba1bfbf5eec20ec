import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { injectChartDark } from '../../../sdk/ui/chart-scheme.js';
import type { LiveDetailCharts } from '../shared/live-detail-api.js';
import { viewerChartCards, type ViewerChartCard } from '../shared/viewer-chart-options.js';

// The options are built in shared/ so the detail export renders the very same charts into its workbook.
export { pieLabel } from '../shared/viewer-chart-options.js';

/** The viewer profile (R5.4): the series of `live-detail.get` drawn with ECharts, in the app's theme. */
@Component({
  selector: 'wl-viewer-charts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  template: `
    @if (charts().viewers === 0) {
      <p class="empty">还没有观众数据：直播开始后刷新本页即可看到观众画像。</p>
    } @else {
      <div class="grid">
        @for (card of cards(); track card.title) {
          <section class="card" [attr.aria-label]="card.title">
            <h3>{{ card.title }}</h3>
            @if (card.points.length === 0) {
              <p class="empty">{{ card.hint }}</p>
            } @else {
              <div class="chart" echarts [options]="card.option" [autoResize]="true"></div>
              <!-- The same figures as text, for screen readers. -->
              <ul class="visually-hidden">
                @for (point of card.points; track point.label) {
                  <li>{{ point.label }}：{{ point.value }} 人</li>
                }
              </ul>
            }
          </section>
        }
      </div>
    }
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      gap: 16px;
    }
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      background: var(--mat-sys-surface-container-low);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .chart {
      height: 260px;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class ViewerCharts {
  readonly charts = input.required<LiveDetailCharts>();
  readonly inviterSupported = input(true);
  private readonly dark = injectChartDark();

  protected readonly cards = computed<ViewerChartCard[]>(() =>
    viewerChartCards(this.charts(), { dark: this.dark(), inviterSupported: this.inviterSupported() }),
  );
}

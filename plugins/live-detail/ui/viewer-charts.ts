import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { AppTheme } from '../../../sdk/ui/theme.js';
import type { ChartPoint, LiveDetailCharts } from '../shared/live-detail-api.js';

interface ChartCard {
  title: string;
  hint: string;
  points: ChartPoint[];
  options: EChartsCoreOption;
}

// Material-ish palettes readable on either surface.
const LIGHT_COLOURS = ['#3f6ad8', '#2e9d6b', '#e39b2d', '#c0504d', '#8064a2', '#4bacc6'];
const DARK_COLOURS = ['#8fb0ff', '#6fd3a4', '#ffc46b', '#ff8a80', '#c5a3ff', '#7fdcf0'];

/**
 * A pie slice's label: a whole percent ("24%"), never below 1% for a slice that has viewers. Two decimals
 * ("24.37%") did not fit beside a narrow card's pie and ECharts cut them to "24…".
 */
export function pieLabel(percent: number, value: number): string {
  if (value > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

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
              <div class="chart" echarts [options]="card.options" [autoResize]="true"></div>
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
  private readonly theme = inject(AppTheme);
  /** html.theme-dark / html.theme-light as they stand (AppTheme sets them; so may anything else). */
  private readonly htmlScheme = signal<'dark' | 'light' | null>(null);
  private readonly dark = computed(() => {
    const forced = this.htmlScheme();
    return forced === null ? this.theme.dark() : forced === 'dark';
  });

  constructor() {
    const html = inject(DOCUMENT).documentElement;
    const read = (): void =>
      this.htmlScheme.set(
        html.classList.contains('theme-dark')
          ? 'dark'
          : html.classList.contains('theme-light')
            ? 'light'
            : null,
      );
    read();
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['class'] });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  protected readonly cards = computed<ChartCard[]>(() => {
    const charts = this.charts();
    const dark = this.dark();
    const text = dark ? '#e3e2e6' : '#1b1b1f';
    const axis = dark ? '#8e9099' : '#74777f';
    const colours = dark ? DARK_COLOURS : LIGHT_COLOURS;
    const base = {
      backgroundColor: 'transparent',
      color: colours,
      textStyle: { color: text },
      animation: false,
    };
    const pie = (points: ChartPoint[]): EChartsCoreOption => ({
      ...base,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
      legend: { bottom: 0, textStyle: { color: text } },
      series: [
        {
          type: 'pie',
          radius: ['36%', '60%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: {
            color: text,
            overflow: 'none',
            formatter: (slice: { percent?: number; value?: unknown }) =>
              pieLabel(slice.percent ?? 0, typeof slice.value === 'number' ? slice.value : 0),
          },
          labelLine: { length: 8, length2: 6 },
          data: points.map((point) => ({ name: point.label, value: point.value })),
        },
      ],
    });
    const bar = (points: ChartPoint[], horizontal = false): EChartsCoreOption => {
      const categories = {
        type: 'category',
        data: points.map((p) => p.label),
        axisLabel: { color: text },
        axisLine: { lineStyle: { color: axis } },
      };
      const values = {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: text },
        splitLine: { lineStyle: { color: axis, opacity: 0.3 } },
      };
      return {
        ...base,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        // ECharts 6 keeps axis labels inside the box by default (outerBounds), no containLabel needed.
        grid: { left: 8, right: 16, top: 16, bottom: 8 },
        xAxis: horizontal
          ? values
          : { ...categories, axisLabel: { color: text, interval: 0, rotate: points.length > 4 ? 30 : 0 } },
        yAxis: horizontal ? { ...categories, inverse: true } : values,
        series: [{ type: 'bar', name: '人数', data: points.map((p) => p.value), barMaxWidth: 36 }],
      };
    };
    return [
      { title: '观众构成', hint: '', points: charts.audience, options: pie(charts.audience) },
      { title: '观看时长分布', hint: '', points: charts.watchTime, options: bar(charts.watchTime) },
      {
        title: '邀请人排行（前 10）',
        hint: this.inviterSupported() ? '没有邀请数据。' : '企业微信仅对推广产品直播提供邀请人。',
        points: charts.topInviters,
        options: bar(charts.topInviters, true),
      },
      {
        title: '签到情况',
        hint: '还没有导入签到。',
        points: charts.checkinRounds,
        options: bar(charts.checkinRounds),
      },
      { title: '互动', hint: '', points: charts.engagement, options: bar(charts.engagement) },
    ];
  });
}

// The viewer profile's charts (R5.4) as ECharts options, framework-free: the detail page draws them
// (ui/viewer-charts.ts) and the detail export renders the same options to PNG for its 观众画像 sheet
// (main/detail-workbook.ts through sdk/main/charts), so page and workbook show the same picture.
import type { EChartsOption } from 'echarts';
import type { ChartPoint, LiveDetailCharts } from './live-detail-api.js';

export type ViewerChartKey = 'audience' | 'watchTime' | 'topInviters' | 'checkinRounds' | 'engagement';

export interface ViewerChartCard {
  key: ViewerChartKey;
  title: string;
  /** Shown instead of the chart when it has no points. */
  hint: string;
  points: ChartPoint[];
  option: EChartsOption;
}

export interface ViewerChartLook {
  dark: boolean;
  /** WeCom provides inviters only for promotion lives (R4.6): changes the empty hint. */
  inviterSupported: boolean;
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

/** The five cards of the viewer profile, in the page's order, with their ECharts options. */
export function viewerChartCards(charts: LiveDetailCharts, look: ViewerChartLook): ViewerChartCard[] {
  const text = look.dark ? '#e3e2e6' : '#1b1b1f';
  const axis = look.dark ? '#8e9099' : '#74777f';
  const base: EChartsOption = {
    backgroundColor: 'transparent',
    color: look.dark ? DARK_COLOURS : LIGHT_COLOURS,
    textStyle: { color: text },
    animation: false,
  };
  const pie = (points: ChartPoint[]): EChartsOption => ({
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
          formatter: (slice) =>
            pieLabel(slice.percent ?? 0, typeof slice.value === 'number' ? slice.value : 0),
        },
        labelLine: { length: 8, length2: 6 },
        data: points.map((point) => ({ name: point.label, value: point.value })),
      },
    ],
  });
  const bar = (points: ChartPoint[], horizontal = false): EChartsOption => {
    const labels = points.map((point) => point.label);
    const values = {
      type: 'value' as const,
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
        : {
            type: 'category',
            data: labels,
            axisLabel: { color: text, interval: 0, rotate: points.length > 4 ? 30 : 0 },
            axisLine: { lineStyle: { color: axis } },
          },
      yAxis: horizontal
        ? {
            type: 'category',
            data: labels,
            inverse: true,
            axisLabel: { color: text },
            axisLine: { lineStyle: { color: axis } },
          }
        : values,
      series: [{ type: 'bar', name: '人数', data: points.map((point) => point.value), barMaxWidth: 36 }],
    };
  };
  return [
    { key: 'audience', title: '观众构成', hint: '', points: charts.audience, option: pie(charts.audience) },
    {
      key: 'watchTime',
      title: '观看时长分布',
      hint: '',
      points: charts.watchTime,
      option: bar(charts.watchTime),
    },
    {
      key: 'topInviters',
      title: '邀请人排行（前 10）',
      hint: look.inviterSupported ? '没有邀请数据。' : '企业微信仅对推广产品直播提供邀请人。',
      points: charts.topInviters,
      option: bar(charts.topInviters, true),
    },
    {
      key: 'checkinRounds',
      title: '签到情况',
      hint: '还没有导入签到。',
      points: charts.checkinRounds,
      option: bar(charts.checkinRounds),
    },
    {
      key: 'engagement',
      title: '互动',
      hint: '',
      points: charts.engagement,
      option: bar(charts.engagement),
    },
  ];
}

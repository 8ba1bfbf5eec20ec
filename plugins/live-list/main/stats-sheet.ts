// The list export's sheet 统计分析 (R7.2): figures over the exported lives, then tables each with its
// chart as a picture beside it (sdk/main/charts). A chart that cannot render leaves its table and a note.
import type { EChartsOption } from 'echarts';
import type ExcelJS from 'exceljs';
import { addChartSheet, type ChartBlock, type ChartSheetCell } from '../../../sdk/main/charts/index.js';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';
import type { LiveListRow } from '../shared/live-list-api.js';
import { DATE_FORMAT, NO_CHECKINS } from './export-columns.js';

export const STATS_SHEET = '统计分析';
export const TOP_LIVES = 20;
const TOP_ANCHORS = 10;
const CHART_LABEL_CHARS = 12;
const COLOURS = ['#3f6ad8', '#2e9d6b', '#e39b2d', '#c0504d', '#8064a2', '#4bacc6'];

interface AnchorTotals {
  userid: string;
  name: string;
  lives: number;
  viewers: number;
}

interface DayTotals {
  day: string;
  lives: number;
  viewers: number;
}

/** The day of a live's start on the installation's wall clock, yyyy-mm-dd. */
function dayOf(start: number, timeZone: string): string {
  return wallClockDate(start * 1000, timeZone)
    .toISOString()
    .slice(0, 10);
}

function short(text: string): string {
  return text.length > CHART_LABEL_CHARS ? `${text.slice(0, CHART_LABEL_CHARS - 1)}…` : text;
}

function checkinRate(row: LiveListRow): number | null {
  return row.checkinRounds > 0 && row.viewerNum !== null && row.viewerNum > 0
    ? row.checkinPeople / row.viewerNum
    : null;
}

const BASE: EChartsOption = {
  color: COLOURS,
  animation: false,
  grid: { left: 8, right: 24, top: 32, bottom: 8 },
  tooltip: { trigger: 'axis' },
};

function columnChart(
  labels: string[],
  series: Array<{ name: string; data: number[]; percent?: boolean }>,
): EChartsOption {
  const percent = series.some((one) => one.percent === true);
  return {
    ...BASE,
    legend: series.length > 1 ? { top: 0 } : undefined,
    // Room on the left for the first rotated label.
    grid: { left: 48, right: 24, top: 32, bottom: 8 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: labels.length > 16 ? 'auto' : 0, rotate: labels.length > 5 ? 30 : 0 },
    },
    yAxis: percent
      ? { type: 'value', max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` } }
      : { type: 'value', minInterval: 1 },
    series: series.map((one) => ({ type: 'bar', name: one.name, data: one.data, barMaxWidth: 36 })),
  };
}

function rankChart(labels: string[], name: string, data: number[]): EChartsOption {
  return {
    ...BASE,
    xAxis: { type: 'value', minInterval: 1 },
    // Every bar named (ECharts would skip every other label of 20).
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    series: [{ type: 'bar', name, data, barMaxWidth: 24, label: { show: true, position: 'right' } }],
  };
}

/** The sheet's blocks for the exported rows (exported for specs: the figures the sheet must show). */
export function statsBlocks(rows: readonly LiveListRow[], timeZone: string): ChartBlock[] {
  const days = new Map<string, DayTotals>();
  for (const row of rows) {
    if (row.start === null) continue;
    const day = dayOf(row.start, timeZone);
    const entry = days.get(day) ?? { day, lives: 0, viewers: 0 };
    entry.lives += 1;
    entry.viewers += row.viewerNum ?? 0;
    days.set(day, entry);
  }
  const perDay = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  const sameYear = perDay[0]?.day.slice(0, 4) === perDay[perDay.length - 1]?.day.slice(0, 4);

  const anchors = new Map<string, AnchorTotals>();
  for (const row of rows) {
    const entry = anchors.get(row.anchorUserid) ?? {
      userid: row.anchorUserid,
      name: row.anchorName ?? '',
      lives: 0,
      viewers: 0,
    };
    entry.lives += 1;
    entry.viewers += row.viewerNum ?? 0;
    if (entry.name === '' && row.anchorName !== null) entry.name = row.anchorName;
    anchors.set(row.anchorUserid, entry);
  }
  const perAnchor = [...anchors.values()].sort(
    (a, b) => b.lives - a.lives || a.userid.localeCompare(b.userid),
  );
  const topAnchors = perAnchor.slice(0, TOP_ANCHORS);

  const top = [...rows]
    .filter((row) => row.viewerNum !== null)
    .sort((a, b) => (b.viewerNum ?? 0) - (a.viewerNum ?? 0))
    .slice(0, TOP_LIVES);
  const rated = rows.filter((row) => checkinRate(row) !== null).slice(0, TOP_LIVES);
  const at = (seconds: number | null): Date | null =>
    seconds === null ? null : wallClockDate(seconds * 1000, timeZone);

  return [
    {
      title: '每日直播场次',
      header: ['日期', '直播场次', '观看人数'],
      rows: perDay.map((day) => [day.day, day.lives, day.viewers]),
      chart: columnChart(
        // mm-dd unless the days span more than one year.
        perDay.map((day) => (sameYear ? day.day.slice(5) : day.day)),
        [{ name: '直播场次', data: perDay.map((day) => day.lives) }],
      ),
      empty: '（没有开始时间已知的直播）',
    },
    {
      title: '各主播直播场次',
      header: ['主播 userid', '主播', '直播场次', '观看人数合计'],
      rows: perAnchor.map((entry) => [entry.userid, entry.name, entry.lives, entry.viewers]),
      chart: rankChart(
        topAnchors.map((entry) => short(entry.name !== '' ? entry.name : entry.userid)),
        '直播场次',
        topAnchors.map((entry) => entry.lives),
      ),
    },
    {
      title: `观看人数前 ${TOP_LIVES} 场`,
      header: ['直播主题', '直播 ID', '观看人数', '开始时间'],
      rows: top.map((row): ChartSheetCell[] => [row.theme, row.livingid, row.viewerNum, at(row.start)]),
      numFmts: [undefined, undefined, undefined, DATE_FORMAT],
      chart: rankChart(
        top.map((row) => short(row.theme)),
        '观看人数',
        top.map((row) => row.viewerNum ?? 0),
      ),
    },
    {
      title: '各场签到率',
      header: ['直播主题', '直播 ID', '观看人数', '签到人数', '签到率'],
      rows: rows.map((row) => {
        const imported = row.checkinRounds > 0;
        const rate = checkinRate(row);
        return [
          row.theme,
          row.livingid,
          row.viewerNum,
          imported ? row.checkinPeople : NO_CHECKINS,
          rate ?? (imported ? '—' : NO_CHECKINS),
        ];
      }),
      numFmts: [undefined, undefined, undefined, undefined, '0.0%'],
      // The chart: lives with check-ins imported (the first 20 in the list's order).
      chart:
        rated.length === 0
          ? null
          : columnChart(
              rated.map((row) => short(row.theme)),
              [{ name: '签到率', data: rated.map((row) => checkinRate(row) ?? 0), percent: true }],
            ),
    },
  ];
}

/** Lives, viewers and check-ins over all exported rows, as label / value pairs. */
export function statsFigures(
  rows: readonly LiveListRow[],
): Array<[string, ChartSheetCell] | [string, ChartSheetCell, string]> {
  const viewers = rows.reduce((sum, row) => sum + (row.viewerNum ?? 0), 0);
  const withCheckins = rows.filter((row) => row.checkinRounds > 0);
  const checkinViewers = withCheckins.reduce((sum, row) => sum + (row.viewerNum ?? 0), 0);
  const checkedIn = withCheckins.reduce((sum, row) => sum + row.checkinPeople, 0);
  return [
    ['直播场次', rows.length],
    ['观看人数合计', viewers],
    ['平均每场观看人数', rows.length === 0 ? 0 : Math.round((viewers / rows.length) * 10) / 10],
    ['已导入签到的场次', withCheckins.length],
    ['签到人数合计', checkedIn],
    ['签到率（已导入签到的场次）', checkinViewers === 0 ? '—' : checkedIn / checkinViewers, '0.0%'],
  ];
}

export async function addStatsSheet(
  workbook: ExcelJS.Workbook,
  rows: readonly LiveListRow[],
  timeZone: string,
): Promise<void> {
  await addChartSheet(workbook, {
    name: STATS_SHEET,
    heading: `成员直播统计：共 ${rows.length} 场直播`,
    figures: statsFigures(rows),
    widths: [30, 30, 16, 20, 14],
    chartSize: { width: 560, height: 320 },
    blocks: statsBlocks(rows, timeZone),
  });
}

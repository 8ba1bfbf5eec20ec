// How a report's values show on the page (the workbook keeps numbers and dates as Excel values, see
// host/runtime/reports/report-workbook.ts). Shared by the UI and the host.
import type { ReportColumnFormat } from './report-definition.js';
import { wallClockOf } from './zoned-time.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as 1小时2分3秒 (0 → 0秒). */
export function durationText(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}小时${m}分${s > 0 ? `${s}秒` : ''}`;
  if (m > 0) return `${m}分${s > 0 ? `${s}秒` : ''}`;
  return `${s}秒`;
}

/** One cell as text; null and empty show as an empty string. Times are Unix seconds in `timeZone`. */
export function formatReportValue(value: unknown, format: ReportColumnFormat, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const number = typeof value === 'number' ? value : Number(value);
  switch (format) {
    case 'integer':
      return Number.isFinite(number) ? Math.round(number).toLocaleString('zh-CN') : String(value);
    case 'decimal':
      return Number.isFinite(number)
        ? number.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        : String(value);
    case 'percent':
      return Number.isFinite(number) ? `${(number * 100).toFixed(1)}%` : String(value);
    case 'duration':
      return Number.isFinite(number) ? durationText(number) : String(value);
    case 'datetime':
    case 'date': {
      if (!Number.isFinite(number)) return String(value);
      const clock = wallClockOf(number * 1000, timeZone);
      const day = `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
      return format === 'date' ? day : `${day} ${pad(clock.hour)}:${pad(clock.minute)}`;
    }
    case 'boolean':
      return value === true || number === 1 ? '是' : '否';
    default:
      return String(value);
  }
}

/** Compares two cells for the table's sort: numbers as numbers, text in Chinese collation, empty last. */
export function compareReportValues(a: unknown, b: unknown): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

/**
 * An ECharts option template bound to a query's rows: every string `"$col:<column>"` becomes that
 * column's values in row order, `"$rows"` the rows as objects. Everything else is copied as it is.
 */
export function bindChartOption(
  option: Record<string, unknown>,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Record<string, unknown> {
  const bind = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value === '$rows') {
        return rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
      }
      if (value.startsWith('$col:')) {
        const index = columns.indexOf(value.slice(5));
        return index === -1 ? [] : rows.map((row) => row[index] ?? null);
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(bind);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, bind(inner)]));
    }
    return value;
  };
  return bind(option) as Record<string, unknown>;
}

/** The `$col:` columns an option template names (checked against the query when the report loads). */
export function chartColumns(option: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('$col:')) found.add(value.slice(5));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(option);
  return [...found];
}

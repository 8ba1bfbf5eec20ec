// A report's parameter values: the defaults the form starts with, and the bindings a run gets. Dates are
// days of the installation's zone bound as Unix seconds of their 00:00 (a range's end: 00:00 of the day
// after its last day, so `start_at < :range_to`); booleans as 1/0; a live as its livingid.
import { AppError } from '../../../sdk/contracts/errors.js';
import type { ReportDefinition, ReportParameter } from '../../../sdk/contracts/report-definition.js';
import type { ReportParameterValues } from '../../../sdk/contracts/reports.js';
import { epochOfWallClock, wallClockOf } from '../../../sdk/contracts/zoned-time.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parameter names a query may use: a dateRange `r` gives `r_from` and `r_to`. */
export function bindingNames(parameters: readonly ReportParameter[]): string[] {
  return parameters.flatMap((p) => (p.type === 'dateRange' ? [`${p.name}_from`, `${p.name}_to`] : [p.name]));
}

/** `today`, `-7d` or `YYYY-MM-DD` as the day it names, `YYYY-MM-DD`. */
export function resolveDay(value: string, now: number, timeZone: string): string {
  if (DAY.test(value)) return value;
  const back = value === 'today' ? 0 : Number(/^-(\d+)d$/.exec(value)?.[1] ?? 0);
  const today = wallClockOf(now, timeZone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
  return day.toISOString().slice(0, 10);
}

/** The values the form starts with. */
export function defaultValues(
  report: ReportDefinition,
  now: number,
  timeZone: string,
): ReportParameterValues {
  const values: ReportParameterValues = {};
  for (const p of report.parameters) {
    if (p.type === 'date')
      values[p.name] = p.default === undefined ? null : resolveDay(p.default, now, timeZone);
    else if (p.type === 'dateRange') {
      values[p.name] =
        p.default === undefined
          ? null
          : { from: resolveDay(p.default.from, now, timeZone), to: resolveDay(p.default.to, now, timeZone) };
    } else if (p.type === 'live') values[p.name] = null;
    else values[p.name] = p.default ?? null;
  }
  return values;
}

/** 00:00 of a day in the zone, Unix seconds; null for a day that does not exist. */
function dayStart(day: string, timeZone: string, plusDays = 0): number | null {
  const match = DAY.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  const next = new Date(Date.UTC(year, month - 1, date + plusDays));
  const clock = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return Math.floor(epochOfWallClock({ ...clock, hour: 0, minute: 0, second: 0 }, timeZone) / 1000);
}

/**
 * The bindings of a run. A value missing or null takes the default, else NULL when the parameter is
 * optional; a wrong type or range is refused with INVALID_INPUT naming the report and the parameter.
 */
export function bindParameters(
  report: ReportDefinition,
  given: ReportParameterValues,
  now: number,
  timeZone: string,
): Record<string, string | number | null> {
  const defaults = defaultValues(report, now, timeZone);
  const known = new Set(report.parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw new AppError('INVALID_INPUT', `报表「${report.title}」没有参数「${name}」。`, {
        field: `params.${name}`,
      });
    }
  }
  const bindings: Record<string, string | number | null> = {};
  for (const p of report.parameters) {
    const fail = (what: string): never => {
      throw new AppError('INVALID_INPUT', `报表「${report.title}」的参数「${p.label}」（${p.name}）${what}`, {
        field: `params.${p.name}`,
      });
    };
    const value = given[p.name] ?? defaults[p.name] ?? null;
    if (value === null || value === '') {
      if (p.required) fail('必须填写。');
      if (p.type === 'dateRange') {
        bindings[`${p.name}_from`] = null;
        bindings[`${p.name}_to`] = null;
      } else bindings[p.name] = null;
      continue;
    }
    switch (p.type) {
      case 'date': {
        const start = typeof value === 'string' ? dayStart(value, timeZone) : null;
        if (start === null) fail('应为日期 YYYY-MM-DD。');
        bindings[p.name] = start;
        break;
      }
      case 'dateRange': {
        const range = value as { from?: unknown; to?: unknown };
        const from = typeof range.from === 'string' ? dayStart(range.from, timeZone) : null;
        const to = typeof range.to === 'string' ? dayStart(range.to, timeZone, 1) : null;
        if (typeof value !== 'object' || from === null || to === null) {
          fail('应为日期范围 {from: YYYY-MM-DD, to: YYYY-MM-DD}。');
        }
        if ((from as number) >= (to as number)) fail('的开始日期不能晚于结束日期。');
        bindings[`${p.name}_from`] = from;
        bindings[`${p.name}_to`] = to;
        break;
      }
      case 'string':
      case 'live': {
        if (typeof value !== 'string') fail('应为文字。');
        const max = p.type === 'string' ? p.maxLength : 128;
        if ((value as string).length > max) fail(`最多 ${max} 个字符。`);
        bindings[p.name] = value as string;
        break;
      }
      case 'number': {
        if (typeof value !== 'number' || !Number.isFinite(value)) fail('应为数字。');
        const n = value as number;
        if (p.integer && !Number.isInteger(n)) fail('应为整数。');
        if (p.min !== undefined && n < p.min) fail(`不能小于 ${p.min}。`);
        if (p.max !== undefined && n > p.max) fail(`不能大于 ${p.max}。`);
        bindings[p.name] = n;
        break;
      }
      case 'boolean': {
        if (typeof value !== 'boolean') fail('应为 是/否（true 或 false）。');
        bindings[p.name] = value ? 1 : 0;
        break;
      }
    }
  }
  return bindings;
}

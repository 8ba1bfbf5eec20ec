// "Delete data older than <date>": the date is a day of the installation's time zone, and the data
// deleted is what is older than 00:00 of that day.
import { AppError } from '../../../sdk/contracts/errors.js';
import { epochOfWallClock } from '../../../sdk/contracts/zoned-time.js';

const DAY_MS = 24 * 60 * 60_000;

/** 00:00 of `yyyy-MM-dd` in `timeZone`, in epoch ms; null when not a real date. */
export function startOfDayIn(date: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;
  return epochOfWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `yyyy-MM-dd` of an instant in `timeZone`. */
export function dayIn(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

/**
 * The cut-off of a clean-up date: refused when not a date, in the future, or within the last day (the
 * clean-up is for old data; yesterday's work is not "old").
 */
export function cleanupCutoff(date: string, timeZone: string, now: number): number {
  const cutoff = startOfDayIn(date, timeZone);
  if (cutoff === null) {
    throw new AppError('INVALID_INPUT', '日期无效：请按 年-月-日 填写，例如 2025-01-01。', {
      field: 'before',
    });
  }
  if (cutoff > now) {
    throw new AppError('INVALID_INPUT', `日期 ${date} 在将来：只能清理过去的数据。`, { field: 'before' });
  }
  if (cutoff > now - DAY_MS) {
    // The latest date whose 00:00 is at least a day ago: the day of the instant one day back.
    const latest = dayIn(now - DAY_MS, timeZone);
    throw new AppError('INVALID_INPUT', `不能清理最近一天内的数据：请选择 ${latest} 或更早的日期。`, {
      field: 'before',
      latest,
    });
  }
  return cutoff;
}

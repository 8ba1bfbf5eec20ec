// Instants and wall clocks of an IANA time zone: the installation's zone (config.json `timeZone`) is where
// every time is shown and where zoneless inputs (a check-in workbook's times, a picked day) are read.
// @date-fns/tz does the zone arithmetic, DST included; the functions here only name the product's uses.
import { TZDate } from '@date-fns/tz';

/** A wall-clock reading: month 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** True for an IANA zone this runtime knows (e.g. `Asia/Shanghai`). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at `epochMs`. */
export function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const zoned = new TZDate(epochMs, timeZone);
  return {
    year: zoned.getFullYear(),
    month: zoned.getMonth() + 1,
    day: zoned.getDate(),
    hour: zoned.getHours(),
    minute: zoned.getMinutes(),
    second: zoned.getSeconds(),
  };
}

/** The instant (epoch ms) when a clock in `timeZone` shows `clock`. */
export function epochOfWallClock(clock: WallClock, timeZone: string): number {
  return new TZDate(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
    timeZone,
  ).getTime();
}

/**
 * A Date whose UTC fields read the wall clock of `epochMs` in `timeZone` (milliseconds kept). Excel
 * stores dates as zoneless wall-clock days and exceljs converts a Date from its UTC fields, so this is
 * how a moment shows in the installation's zone in a workbook.
 */
export function wallClockDate(epochMs: number, timeZone: string): Date {
  const clock = wallClockOf(epochMs, timeZone);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return new Date(
    Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) + ms,
  );
}

/** `yyyyMMdd-HHmmss` in `timeZone`, for file names. */
export function fileStamp(epochMs: number, timeZone: string): string {
  return wallClockDate(epochMs, timeZone).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

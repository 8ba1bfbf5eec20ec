// 签到发起时间: written as text like 2025.3.13 12:17 (also 2025-03-13 12:17:05, 2025/3/13 12:17) or stored
// as an Excel date. Either way it is a wall-clock time without a zone (docs/architecture.md "Live store"): it is read in
// the configured zone.

import { epochOfWallClock, type WallClock } from '../../../sdk/contracts/zoned-time.js';

export type { WallClock };

const TEXT_TIME =
  /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?\s+(\d{1,2})\s*[:：]\s*(\d{1,2})(?:\s*[:：]\s*(\d{1,2}))?$/;

/** The wall clock a text names; null when it is not a real date and time. */
export function parseWallClock(text: string): WallClock | null {
  const match = TEXT_TIME.exec(text.trim());
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return isReal({ year, month, day, hour, minute, second })
    ? { year, month, day, hour, minute, second }
    : null;
}

/** An Excel date cell: exceljs hands it over as a Date whose UTC fields are the wall clock. */
export function wallClockOfExcelDate(date: Date): WallClock | null {
  if (Number.isNaN(date.getTime())) return null;
  // Excel stores fractions of a day: round to the second so 12:17 does not come back as 12:16:59.999.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return {
    year: rounded.getUTCFullYear(),
    month: rounded.getUTCMonth() + 1,
    day: rounded.getUTCDate(),
    hour: rounded.getUTCHours(),
    minute: rounded.getUTCMinutes(),
    second: rounded.getUTCSeconds(),
  };
}

// Day 0 of Excel's two date systems, in UTC milliseconds (1900: 1899-12-30, Lotus' leap-year bug kept).
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/**
 * A date serial written as a plain number (a time column without a date format, as some writers do):
 * 45729.51 → 2025-03-13 12:14:24 in the 1900 system. Null unless it is a date between 2000 and 2100.
 */
export function wallClockOfSerial(text: string, date1904: boolean): WallClock | null {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  const epoch = date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900;
  const clock = wallClockOfExcelDate(new Date(epoch + Number(text) * DAY_MS));
  return clock !== null && isReal(clock) ? clock : null;
}

/** `yyyy-MM-dd HH:mm` (with `:ss` when not zero): how the preview shows what the workbook said. */
export function formatWallClock(clock: WallClock): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const base = `${clock.year}-${pad(clock.month)}-${pad(clock.day)} ${pad(clock.hour)}:${pad(clock.minute)}`;
  return clock.second === 0 ? base : `${base}:${pad(clock.second)}`;
}

function isReal(clock: WallClock): boolean {
  const date = new Date(
    Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second),
  );
  return (
    clock.year >= 2000 &&
    clock.year <= 2100 &&
    date.getUTCMonth() === clock.month - 1 &&
    date.getUTCDate() === clock.day &&
    clock.hour < 24 &&
    clock.minute < 60 &&
    clock.second < 60
  );
}

/** Unix seconds of a wall clock in an IANA zone. */
export function unixSecondsIn(clock: WallClock, timeZone: string): number {
  return Math.floor(epochOfWallClock(clock, timeZone) / 1000);
}

// The date range picks calendar days; the list filters on instants. A day means that day in the
// installation's zone (where every time on screen is shown), not in the browser's.
import { epochOfWallClock } from '../../../sdk/contracts/zoned-time.js';

/** Unix seconds of 00:00 of the picked day (its year, month, day) in `timeZone`. */
export function dayStartIn(day: Date, timeZone: string): number {
  const clock = {
    year: day.getFullYear(),
    month: day.getMonth() + 1,
    day: day.getDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
  return Math.floor(epochOfWallClock(clock, timeZone) / 1000);
}

/** Unix seconds of 23:59:59 of the picked day in `timeZone`. */
export function dayEndIn(day: Date, timeZone: string): number {
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  return dayStartIn(next, timeZone) - 1;
}

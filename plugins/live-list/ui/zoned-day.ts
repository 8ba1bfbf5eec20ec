// The date range picks calendar days; the list filters on instants. A day means that day in the
// installation's zone (where every time on screen is shown), not in the browser's.

function offsetMs(epochMs: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** Unix seconds of 00:00 of the picked day (its year, month, day) in `timeZone`. */
export function dayStartIn(day: Date, timeZone: string): number {
  const guess = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
  return Math.floor((guess - offsetMs(guess, timeZone)) / 1000);
}

/** Unix seconds of 23:59:59 of the picked day in `timeZone`. */
export function dayEndIn(day: Date, timeZone: string): number {
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  return dayStartIn(next, timeZone) - 1;
}

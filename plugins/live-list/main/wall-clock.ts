// Excel stores a date as wall-clock days with no zone, and exceljs turns a JS Date into one from its
// UTC fields. So a moment shows in the installation's zone when exceljs gets a Date whose UTC fields
// are that zone's wall clock.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of `epochMs` in `timeZone`, as a Date whose UTC fields read it. */
export function wallClockDate(epochMs: number, timeZone: string): Date {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return new Date(
    Date.UTC(
      parts['year'] ?? 1970,
      (parts['month'] ?? 1) - 1,
      parts['day'] ?? 1,
      parts['hour'] ?? 0,
      parts['minute'] ?? 0,
      parts['second'] ?? 0,
    ),
  );
}

/** `yyyyMMdd-HHmmss` in `timeZone`, for file names. */
export function fileStamp(epochMs: number, timeZone: string): string {
  return wallClockDate(epochMs, timeZone).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** True for an IANA zone this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';

// Zone offsets change on quarter-hour boundaries at the finest (DST and odd zones alike).
const BUCKET_MS = 15 * 60_000;

/**
 * `wallClockDate` for many moments of one zone: the zone's offset is looked up once per quarter hour,
 * not per cell, since an export writes one date per viewer and round (the Intl lookup dominates there).
 */
export function zonedDates(timeZone: string): (epochMs: number) => Date {
  const offsets = new Map<number, number>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * BUCKET_MS;
      offset = wallClockDate(start, timeZone).getTime() - start;
      offsets.set(bucket, offset);
    }
    return new Date(epochMs + offset);
  };
}

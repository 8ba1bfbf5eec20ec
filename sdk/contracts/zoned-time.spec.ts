import { epochOfWallClock, fileStamp, isTimeZone, wallClockDate, wallClockOf } from './zoned-time.js';

describe('zoned time', () => {
  it('reads and makes wall clocks of a zone, whatever the machine zone', () => {
    const instant = Date.UTC(2025, 2, 13, 4, 17, 5); // 12:17:05 in Shanghai
    expect(wallClockOf(instant, 'Asia/Shanghai')).toEqual({
      year: 2025,
      month: 3,
      day: 13,
      hour: 12,
      minute: 17,
      second: 5,
    });
    expect(epochOfWallClock(wallClockOf(instant, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(instant);
    expect(wallClockDate(instant + 250, 'Asia/Shanghai').toISOString()).toBe('2025-03-13T12:17:05.250Z');
    expect(fileStamp(instant, 'Asia/Shanghai')).toBe('20250313-121705');
  });

  it('follows daylight saving time', () => {
    // New York switched to EDT at 2025-03-09 02:00: midnight was EST (-5), noon EDT (-4).
    const clock = { year: 2025, month: 3, day: 9, hour: 0, minute: 0, second: 0 };
    expect(epochOfWallClock(clock, 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 5));
    expect(epochOfWallClock({ ...clock, hour: 12 }, 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 16));
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBeTrue();
    expect(isTimeZone('Mars/Base')).toBeFalse();
  });
});

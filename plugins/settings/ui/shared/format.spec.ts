import { formatBytes, formatTime } from './format.js';

describe('formatTime', () => {
  it('shows Asia/Shanghai time as yyyy-MM-dd HH:mm:ss whatever the machine zone', () => {
    // 2025-03-13T04:17:05Z is 12:17:05 in Beijing.
    expect(formatTime(Date.UTC(2025, 2, 13, 4, 17, 5))).toBe('2025-03-13 12:17:05');
    expect(formatTime(Date.UTC(2024, 11, 31, 16, 0, 0))).toBe('2025-01-01 00:00:00');
  });

  it('shows a dash when there is no time', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime(undefined)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('shows sizes in the largest fitting unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

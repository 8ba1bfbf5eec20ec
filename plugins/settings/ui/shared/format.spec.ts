import { formatBytes } from './format.js';

describe('formatBytes', () => {
  it('shows sizes in the largest fitting unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5.5 * 1024 * 1024)).toBe('5.5 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

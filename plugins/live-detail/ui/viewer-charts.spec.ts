import { pieLabel } from './viewer-charts.js';

describe('pieLabel', () => {
  it('gives a whole percent that fits beside a narrow pie, and <1% for a thin slice with viewers', () => {
    expect(pieLabel(24.37, 731)).toBe('24%');
    expect(pieLabel(69.05, 2070)).toBe('69%');
    expect(pieLabel(100, 5)).toBe('100%');
    expect(pieLabel(0.3, 2)).toBe('<1%');
    expect(pieLabel(0, 0)).toBe('0%');
  });
});

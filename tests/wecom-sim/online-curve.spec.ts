import { audienceAt, type CurveLive } from './online-curve.js';

describe('simulated online_count curve', () => {
  const live: CurveLive = {
    livingid: 'lvCurve',
    actual_start: 1_800_000_000,
    actual_duration: 7200,
    viewerCount: 300,
  };
  const minutes = Array.from({ length: 120 }, (_, minute) => live.actual_start + minute * 60 + 30);
  const counts = (seed: number): number[] => minutes.map((now) => audienceAt(live, now, seed));

  it('fills the room over the first minutes, wobbles, and empties it towards the end', () => {
    const curve = counts(7);
    const peak = Math.max(...curve);
    const middle = curve.slice(30, 90);
    expect(curve[0]).toBeLessThan(peak / 3);
    expect(curve[119]).toBeLessThan(peak / 2);
    expect(Math.min(...middle)).toBeLessThan(Math.max(...middle));
    expect(new Set(middle).size).toBeGreaterThan(10);
    for (const count of curve) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(live.viewerCount);
    }
  });

  it('is the same for the same seed and time, and differs between seeds', () => {
    expect(counts(7)).toEqual(counts(7));
    expect(counts(8)).not.toEqual(counts(7));
  });
});

import { deriveSeed, Prng } from './prng.js';

/** The parts of a live the audience curve depends on. */
export interface CurveLive {
  livingid: string;
  actual_start: number;
  actual_duration: number;
  /** Distinct viewers of the live: the room never holds more than this at once. */
  viewerCount: number;
}

const BUCKET_SECONDS = 60;

/**
 * How many people are in the room at `now` (Unix seconds) while the live is on, as WeCom's online_count
 * would show it: few at the start, a ramp over the first minutes, a plateau that wobbles minute to minute
 * (with the odd dip when a stream stutters), and a fall over the last part as people leave. Deterministic
 * for a seed, a livingid and a time, so a test can compute the peak it expects. The caller answers 0 when
 * the live is not on.
 */
export function audienceAt(live: CurveLive, now: number, seed: number): number {
  const shape = new Prng(deriveSeed(seed, `online:${live.livingid}`));
  // The share of the viewers present at the busiest time, and how the room fills and empties.
  const capacity = Math.max(1, Math.round(live.viewerCount * (0.45 + shape.next() * 0.4)));
  const duration = Math.max(1, live.actual_duration);
  const rampSeconds = Math.max(60, Math.min(900, duration * (0.1 + shape.next() * 0.1)));
  const tailSeconds = Math.max(60, Math.min(1200, duration * (0.15 + shape.next() * 0.1)));
  const elapsed = Math.max(0, now - live.actual_start);
  const remaining = Math.max(0, live.actual_start + duration - now);
  const rampIn = Math.min(1, elapsed / rampSeconds);
  const ramp = 1 - (1 - rampIn) ** 2;
  const tail = 0.25 + 0.75 * Math.min(1, remaining / tailSeconds);
  const level = capacity * ramp * tail * (1 + wobble(seed, live.livingid, now));
  return Math.min(live.viewerCount, Math.max(1, Math.round(level)));
}

/** Value noise per minute, interpolated within the minute: −0.2…+0.15, with an occasional −0.45 dip. */
function wobble(seed: number, livingid: string, now: number): number {
  const bucket = Math.floor(now / BUCKET_SECONDS);
  const at = (index: number): number => {
    const prng = new Prng(deriveSeed(seed, `wobble:${livingid}:${index}`));
    const value = prng.next() * 0.35 - 0.2;
    return prng.chance(0.06) ? -0.45 : value;
  };
  const fraction = (now - bucket * BUCKET_SECONDS) / BUCKET_SECONDS;
  return at(bucket) * (1 - fraction) + at(bucket + 1) * fraction;
}

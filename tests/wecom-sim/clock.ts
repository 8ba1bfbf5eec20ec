/**
 * The simulated clock (Unix seconds). It runs with real time from an anchor, so a demo behaves like
 * WeCom, and tests move it on by whole hours (advance) or pin it (set / freeze) to reach a start or an
 * end of a live, or a token's expiry, without waiting.
 */
export class SimClock {
  private anchorSeconds: number;
  private anchorRealMs: number;
  private frozen: boolean;

  constructor(
    start: number,
    frozen = false,
    private readonly realNowMs: () => number = Date.now,
  ) {
    this.anchorSeconds = start;
    this.anchorRealMs = this.realNowMs();
    this.frozen = frozen;
  }

  now(): number {
    if (this.frozen) return this.anchorSeconds;
    return this.anchorSeconds + Math.floor((this.realNowMs() - this.anchorRealMs) / 1000);
  }

  set(now: number): void {
    this.anchorSeconds = now;
    this.anchorRealMs = this.realNowMs();
  }

  advance(seconds: number): void {
    this.set(this.now() + seconds);
  }

  setFrozen(frozen: boolean): void {
    const now = this.now();
    this.frozen = frozen;
    this.set(now);
  }

  isFrozen(): boolean {
    return this.frozen;
  }
}

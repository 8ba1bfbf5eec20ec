/**
 * Consecutive failures per key (a corp, a live) and when the next attempt is due: the wait doubles with
 * each failure, from two base intervals up to a ceiling, and one success clears it.
 */
export class FailureStreaks {
  private readonly streaks = new Map<string, { failures: number; nextAt: number }>();

  constructor(
    private readonly baseMs: number,
    private readonly ceilingMs: number,
  ) {}

  /** True while `key` waits out its backoff. */
  waiting(key: string, nowMs: number): boolean {
    const streak = this.streaks.get(key);
    return streak !== undefined && nowMs < streak.nextAt;
  }

  /** Records a failure; answers the streak's length and the wait before the next attempt. */
  fail(key: string, nowMs: number): { failures: number; retryInMs: number } {
    const failures = (this.streaks.get(key)?.failures ?? 0) + 1;
    const retryInMs = Math.min(Math.max(this.ceilingMs, this.baseMs), this.baseMs * 2 ** failures);
    this.streaks.set(key, { failures, nextAt: nowMs + retryInMs });
    return { failures, retryInMs };
  }

  /** Clears the streak; answers how many failures it had (0: none). */
  succeed(key: string): number {
    const failures = this.streaks.get(key)?.failures ?? 0;
    this.streaks.delete(key);
    return failures;
  }

  /** Forgets every key not in `live` (lives that ended, corps without lives on). */
  retain(live: ReadonlySet<string>): void {
    for (const key of this.streaks.keys()) if (!live.has(key)) this.streaks.delete(key);
  }
}

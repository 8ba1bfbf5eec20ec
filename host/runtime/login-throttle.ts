import { inject, injectable } from 'tsyringe';
import { AppError } from '../../sdk/contracts/errors.js';
import type { Clock } from './runtime-options.js';
import { CLOCK } from './tokens.js';

interface Failures {
  count: number;
  lockedUntil: number;
}

const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** Growing delays after repeated password failures, per account key. */
@injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(@inject(CLOCK) private readonly clock: Clock) {}

  /** Throws RATE_LIMITED while the account is locked. */
  check(key: string): void {
    const entry = this.failures.get(key);
    const now = this.clock.now();
    if (entry !== undefined && entry.lockedUntil > now) {
      const retryAfterMs = entry.lockedUntil - now;
      throw new AppError(
        'RATE_LIMITED',
        `密码错误次数过多，请在 ${Math.ceil(retryAfterMs / 1000)} 秒后重试。`,
        { retryAfterMs },
      );
    }
  }

  /** Records a failure; from the sixth on, each locks the account twice as long as the last. */
  fail(key: string): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (entry.count - FREE_ATTEMPTS));
      entry.lockedUntil = this.clock.now() + lockMs;
    }
    this.failures.set(key, entry);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  remaining(key: string): number {
    return Math.max(0, FREE_ATTEMPTS - (this.failures.get(key)?.count ?? 0));
  }
}

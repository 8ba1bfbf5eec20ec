import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../sdk/contracts/errors.js';
import type { Clock } from './runtime-options.js';
import { CLOCK, KNEX } from './tokens.js';

interface Failures {
  count: number;
  lockedUntil: number;
}

const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * Growing delays after repeated password failures, per account key. Kept in the database so that
 * restarting the app does not reset a lock.
 */
@injectable()
export class LoginThrottle {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Throws RATE_LIMITED while the account is locked. */
  async check(key: string): Promise<void> {
    const entry = await this.read(key);
    const now = this.clock.now();
    if (entry !== undefined && entry.lockedUntil > now) {
      const retryAfterMs = entry.lockedUntil - now;
      throw new AppError(
        'RATE_LIMITED',
        `密码错误次数过多，请在 ${Math.ceil(retryAfterMs / 1000)} 秒后重试。`,
        {
          retryAfterMs,
        },
      );
    }
  }

  /** Records a failure; from the fifth on, each locks the account twice as long as the last. Answers the attempts left. */
  async fail(key: string): Promise<number> {
    const entry = (await this.read(key)) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      entry.lockedUntil =
        this.clock.now() + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (entry.count - FREE_ATTEMPTS));
    }
    await this.db('config')
      .insert({ key: this.keyOf(key), value: JSON.stringify(entry), updated_at: this.clock.now() })
      .onConflict('key')
      .merge();
    return Math.max(0, FREE_ATTEMPTS - entry.count);
  }

  async succeed(key: string): Promise<void> {
    await this.db('config')
      .where({ key: this.keyOf(key) })
      .delete();
  }

  private keyOf(key: string): string {
    return `lockout:${key}`;
  }

  private async read(key: string): Promise<Failures | undefined> {
    const row = (await this.db('config')
      .where({ key: this.keyOf(key) })
      .first('value')) as { value: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value) as Failures);
  }
}

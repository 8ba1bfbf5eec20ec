import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, KNEX } from '../core/tokens.js';

interface Failures {
  count: number;
  lockedUntil: number;
}

const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
// What a refused parallel attempt is told to wait: about one password check.
const IN_FLIGHT_RETRY_MS = 1000;

/** One password check in progress: `failed` or `succeeded` settles it (exactly one of them, once). */
export interface LoginAttempt {
  /** Records the failure; answers the attempts left before the account locks. */
  failed(): Promise<number>;
  /**
   * Clears the failures, unless a lock came into force while the password was being checked: then it
   * throws RATE_LIMITED and the lock stays (a success that raced a lock never lifts it).
   */
  succeeded(): Promise<void>;
  /** Ends the attempt without counting it (the input was refused before any secret was checked). */
  abandon(): Promise<void>;
}

function lockedError(retryAfterMs: number): AppError {
  return new AppError('RATE_LIMITED', `密码错误次数过多，请在 ${Math.ceil(retryAfterMs / 1000)} 秒后重试。`, {
    retryAfterMs,
  });
}

/**
 * Growing delays after repeated password failures, per account key, kept in the database so that a
 * restart does not reset a lock. An attempt is reserved before the slow hash: the failure is counted
 * up front in one transaction (a crash or a parallel request cannot skip it), only one attempt per
 * account runs at a time (the others are refused at once), and only the outcome decides whether the
 * reservation is given back.
 */
@injectable()
export class LoginThrottle {
  private readonly inFlight = new Set<string>();

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Reserves one password check for the account: RATE_LIMITED while it is locked or while another check
   * of it is in progress. Call before hashing anything; settle the answer with `failed` or `succeeded`.
   */
  async reserve(key: string): Promise<LoginAttempt> {
    // Taken synchronously, before any await, so that a burst of parallel requests cannot all pass.
    if (this.inFlight.has(key)) {
      throw new AppError('RATE_LIMITED', '另一次登录正在验证中，请稍候再试。', {
        retryAfterMs: IN_FLIGHT_RETRY_MS,
      });
    }
    this.inFlight.add(key);
    let settled = false;
    const release = (): void => {
      settled = true;
      this.inFlight.delete(key);
    };
    try {
      await this.db.transaction(async (trx) => {
        const entry = (await this.read(trx, key)) ?? { count: 0, lockedUntil: 0 };
        const now = this.clock.now();
        if (entry.lockedUntil > now) throw lockedError(entry.lockedUntil - now);
        // Counted as a failure until the check says otherwise.
        await this.write(trx, key, { count: entry.count + 1, lockedUntil: entry.lockedUntil });
      });
    } catch (error) {
      release();
      throw error;
    }
    const once = (): void => {
      if (settled) throw new Error(`login attempt for ${key} settled twice`);
    };
    return {
      failed: async () => {
        once();
        try {
          return await this.db.transaction(async (trx) => {
            const entry = (await this.read(trx, key)) ?? { count: 1, lockedUntil: 0 };
            if (entry.count >= FREE_ATTEMPTS) {
              const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (entry.count - FREE_ATTEMPTS));
              entry.lockedUntil = Math.max(entry.lockedUntil, this.clock.now() + lockMs);
              await this.write(trx, key, entry);
            }
            return Math.max(0, FREE_ATTEMPTS - entry.count);
          });
        } finally {
          release();
        }
      },
      succeeded: async () => {
        once();
        try {
          await this.db.transaction(async (trx) => {
            const entry = await this.read(trx, key);
            const now = this.clock.now();
            if (entry !== undefined && entry.lockedUntil > now) throw lockedError(entry.lockedUntil - now);
            await trx('config')
              .where({ key: this.keyOf(key) })
              .delete();
          });
        } finally {
          release();
        }
      },
      abandon: async () => {
        if (settled) return;
        try {
          // The reservation counted a failure that did not happen: give it back.
          await this.db.transaction(async (trx) => {
            const entry = await this.read(trx, key);
            if (entry !== undefined && entry.count > 0) {
              await this.write(trx, key, { ...entry, count: entry.count - 1 });
            }
          });
        } finally {
          release();
        }
      },
    };
  }

  /** Throws RATE_LIMITED while the account is locked (a check that is not an attempt). */
  async check(key: string): Promise<void> {
    const entry = await this.read(this.db, key);
    const now = this.clock.now();
    if (entry !== undefined && entry.lockedUntil > now) throw lockedError(entry.lockedUntil - now);
  }

  private keyOf(key: string): string {
    return `lockout:${key}`;
  }

  private async read(db: Knex | Knex.Transaction, key: string): Promise<Failures | undefined> {
    const row = (await db('config')
      .where({ key: this.keyOf(key) })
      .first('value')) as { value: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value) as Failures);
  }

  private async write(db: Knex.Transaction, key: string, entry: Failures): Promise<void> {
    await db('config')
      .insert({ key: this.keyOf(key), value: JSON.stringify(entry), updated_at: this.clock.now() })
      .onConflict('key')
      .merge();
  }
}

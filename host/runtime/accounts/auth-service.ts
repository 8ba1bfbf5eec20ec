import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { LoginResult } from '../../../sdk/contracts/host-status.js';
import type { CallContext } from '../../../sdk/main/plugin-context.js';
import { AuditLog } from '../audit/audit-log.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, newRecoveryCode, verifyPassword } from './passwords.js';
import type { Clock } from '../core/runtime-options.js';
import { SessionService } from './session-service.js';
import { CLOCK, KNEX } from '../core/tokens.js';
import { ReadConnection } from '../storage/read-connection.js';

export const ROOT_USERID = 'root-admin';

/**
 * Userids no WeCom login may use: root-admin's, and the names the host writes for itself. A corp member
 * called `root-admin` would otherwise look like root in logs, audit rows and ownership checks.
 */
export const RESERVED_USERIDS: ReadonlySet<string> = new Set([ROOT_USERID, 'root', 'system', 'host']);
const ROOT_THROTTLE_KEY = 'root';

interface RootRow {
  id: number;
  password_hash: string | null;
  recovery_hash: string | null;
}

/** root-admin's account: first-run setup, password login with lockout, recovery code, logout. */
@injectable()
export class AuthService {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    private readonly reader: ReadConnection,
  ) {}

  /** First run: root-admin has no password yet (new data dir, or after an offline reset). */
  async isFirstRun(): Promise<boolean> {
    // host.status asks on every poll: on the read connection, so a long write does not hold it.
    return ((await this.root(this.reader.knex))?.password_hash ?? null) === null;
  }

  /** First run only: sets root-admin's password and returns a recovery code shown once (stored hashed). */
  async setupRoot(password: string): Promise<{ recoveryCode: string }> {
    const recoveryCode = newRecoveryCode();
    const [passwordHash, recoveryHash] = await Promise.all([
      hashPassword(password),
      hashPassword(recoveryCode),
    ]);
    await this.db.transaction(async (trx) => {
      const existing = (await trx('users')
        .where({ userid: ROOT_USERID })
        .whereNull('corp_id')
        .first('id', 'password_hash')) as { id: number; password_hash: string | null } | undefined;
      if (existing?.password_hash != null) {
        throw new AppError('CONFLICT', '超级管理员已经设置过密码。如忘记密码，请使用恢复码重置。');
      }
      if (existing === undefined) {
        await trx('users').insert({
          corp_id: null,
          userid: ROOT_USERID,
          username: '超级管理员',
          tier: 'root-admin',
          password_hash: passwordHash,
          recovery_hash: recoveryHash,
          created_at: this.clock.now(),
        });
      } else {
        // After an offline reset: the account stays, it gets its password again.
        await trx('users')
          .where({ id: existing.id })
          .update({ password_hash: passwordHash, recovery_hash: recoveryHash });
      }
      await this.audit.record(
        { actor: { userid: ROOT_USERID, tier: 'root-admin' }, action: 'auth.setupRoot', ok: true },
        trx,
      );
    });
    return { recoveryCode };
  }

  async loginRoot(password: string): Promise<LoginResult> {
    // Reserved before anything slow: a burst of parallel guesses gets one check, the rest RATE_LIMITED.
    const attempt = await this.throttle.reserve(ROOT_THROTTLE_KEY);
    const root = await this.root().catch(async (error: unknown) => {
      await attempt.abandon();
      throw error;
    });
    if (root === undefined || root.password_hash === null) {
      await attempt.abandon();
      throw new AppError('CONFLICT', '尚未设置超级管理员密码，请先完成初始化向导。', { firstRun: true });
    }
    if (!(await verifyPassword(password, root.password_hash))) {
      const remaining = await attempt.failed();
      await this.audit.record({ actor: null, action: 'auth.login', target: ROOT_USERID, ok: false });
      throw new AppError(
        'UNAUTHENTICATED',
        remaining > 0 ? `密码错误，还可尝试 ${remaining} 次。` : '密码错误，账户已被暂时锁定。',
        { field: 'password' },
      );
    }
    await attempt.succeeded();
    const { token } = await this.sessions.create(root.id, null, 'root-admin');
    await this.db('users').where({ id: root.id }).update({ last_login_at: this.clock.now() });
    await this.audit.record({
      actor: { userid: ROOT_USERID, tier: 'root-admin' },
      action: 'auth.login',
      ok: true,
    });
    return { session: token, user: { userid: ROOT_USERID, username: '超级管理员', tier: 'root-admin' } };
  }

  /** Forgot password: the recovery code resets root-admin's password once; a new code replaces it. */
  async recoverRoot(recoveryCode: string, newPassword: string): Promise<{ recoveryCode: string }> {
    const attempt = await this.throttle.reserve(ROOT_THROTTLE_KEY);
    const root = await this.root().catch(async (error: unknown) => {
      await attempt.abandon();
      throw error;
    });
    const normalised = recoveryCode.trim().toUpperCase();
    if (
      root === undefined ||
      root.recovery_hash === null ||
      !(await verifyPassword(normalised, root.recovery_hash))
    ) {
      await attempt.failed();
      await this.audit.record({ actor: null, action: 'auth.recoverRoot', target: ROOT_USERID, ok: false });
      throw new AppError('UNAUTHENTICATED', '恢复码不正确。', { field: 'recoveryCode' });
    }
    await attempt.succeeded();
    const next = newRecoveryCode();
    const [passwordHash, recoveryHash] = await Promise.all([hashPassword(newPassword), hashPassword(next)]);
    await this.db.transaction(async (trx) => {
      await trx('users')
        .where({ id: root.id })
        .update({ password_hash: passwordHash, recovery_hash: recoveryHash });
      await trx('sessions').where({ user_id: root.id }).delete();
      await this.audit.record(
        { actor: { userid: ROOT_USERID, tier: 'root-admin' }, action: 'auth.recoverRoot', ok: true },
        trx,
      );
    });
    return { recoveryCode: next };
  }

  async logout(call: CallContext): Promise<void> {
    if (call.sessionId !== null) await this.sessions.end(call.sessionId);
  }

  private async root(db: Knex = this.db): Promise<RootRow | undefined> {
    return (await db('users')
      .where({ userid: ROOT_USERID })
      .whereNull('corp_id')
      .first('id', 'password_hash', 'recovery_hash')) as RootRow | undefined;
  }
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { SessionUser } from '../../../sdk/contracts/host-status.js';
import type { CallContext } from '../../../sdk/main/plugin-context.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX } from '../core/tokens.js';
import { ReadConnection } from '../storage/read-connection.js';

interface SessionRow {
  id: string;
  user_id: number;
  corp_id: string | null;
  last_seen_at: number;
  session_tier: SessionUser['tier'] | null;
  userid: string;
  username: string;
  tier: SessionUser['tier'];
  corpname: string | null;
  agentid: number | null;
  app_name: string | null;
}

// Writing last_seen_at on every call would make each read a write; a few seconds of slack is harmless.
const TOUCH_EVERY_MS = 5000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Login sessions: a random bearer value given to the client, only its hash stored; idle timeout. */
@injectable()
export class SessionService {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    private readonly reader: ReadConnection,
  ) {}

  /** A session of the account at the tier it has now: a later tier change ends it (see `resolve`). */
  async create(
    userId: number,
    corpId: string | null,
    tier: SessionUser['tier'],
  ): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const now = this.clock.now();
    await this.db('sessions').insert({
      id: sessionId,
      token_hash: hashToken(token),
      user_id: userId,
      corp_id: corpId,
      tier,
      created_at: now,
      last_seen_at: now,
    });
    return { token, sessionId };
  }

  /** The caller behind a bearer value; throws UNAUTHENTICATED when unknown or idle too long. */
  async resolve(token: string): Promise<CallContext> {
    // On the read connection: a long write on the main one (an import) does not hold every request.
    const row = (await this.reader
      .knex('sessions as s')
      .join('users as u', 'u.id', 's.user_id')
      .leftJoin('corps as c', 'c.corp_id', 's.corp_id')
      .where('s.token_hash', hashToken(token))
      .first(
        's.id',
        's.user_id',
        's.corp_id',
        's.last_seen_at',
        's.tier as session_tier',
        'u.userid',
        'u.username',
        'u.tier',
        'c.corpname',
        'c.agentid',
        'c.app_name',
      )) as SessionRow | undefined;
    if (row === undefined) throw new AppError('UNAUTHENTICATED', '未登录或会话已失效，请重新登录。');
    if (row.session_tier !== row.tier) {
      // Promoted or demoted since the login: the old session must not carry the new tier (or keep the old).
      await this.db('sessions').where({ id: row.id }).delete();
      throw new AppError('UNAUTHENTICATED', '账户权限已变更，请重新登录。', { reason: 'tierChanged' });
    }
    const now = this.clock.now();
    if (now - row.last_seen_at > this.settings.sessionIdleMs) {
      await this.db('sessions').where({ id: row.id }).delete();
      throw new AppError('UNAUTHENTICATED', '长时间未操作，会话已过期，请重新登录。', { reason: 'idle' });
    }
    if (now - row.last_seen_at > TOUCH_EVERY_MS) {
      // Not awaited: the call need not wait for a write (an import may hold the database); a touch that
      // fails leaves the session a few seconds older, which the next call's touch mends.
      void this.db('sessions')
        .where({ id: row.id })
        .update({ last_seen_at: now })
        .catch(() => undefined);
    }
    return {
      sessionId: row.id,
      user: { userid: row.userid, username: row.username, tier: row.tier },
      corp:
        row.corp_id === null || row.corpname === null
          ? null
          : {
              corpId: row.corp_id,
              corpname: row.corpname,
              agentid: row.agentid ?? 0,
              appName: row.app_name ?? '',
            },
    };
  }

  /**
   * Whether a session exists and is not idle, read without touching it: an open event stream or a
   * download is not user activity, so it must not keep the session alive as `resolve` would.
   */
  async isActive(sessionId: string): Promise<boolean> {
    const row = (await this.db('sessions').where({ id: sessionId }).first('last_seen_at')) as
      { last_seen_at: number } | undefined;
    return row !== undefined && this.clock.now() - row.last_seen_at <= this.settings.sessionIdleMs;
  }

  async end(sessionId: string): Promise<void> {
    await this.db('sessions').where({ id: sessionId }).delete();
  }

  async endAllOf(userId: number, db: Knex = this.db): Promise<void> {
    await db('sessions').where({ user_id: userId }).delete();
  }

  /** Ends every session of the account but one (the one that changed the password). */
  async endOthersOf(userId: number, keepSessionId: string | null, db: Knex = this.db): Promise<void> {
    const query = db('sessions').where({ user_id: userId });
    if (keepSessionId !== null) query.whereNot({ id: keepSessionId });
    await query.delete();
  }
}

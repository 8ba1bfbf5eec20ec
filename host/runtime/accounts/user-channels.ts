import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import {
  USERS_LIST,
  USERS_REMOVE,
  USERS_RESET_PASSWORD,
  USERS_SAVE,
} from '../../../sdk/contracts/users-channels.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { AccountTier } from '../../../sdk/contracts/tiers.js';
import { AuditLog } from '../audit/audit-log.js';
import { KNEX } from '../core/tokens.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { RESERVED_USERIDS } from './auth-service.js';
import { normaliseUserid } from './corp-login.js';
import { CorpStore } from './corp-store.js';
import { hashPassword, newInitialCode } from './passwords.js';
import { SessionService } from './session-service.js';

interface UserListRow {
  id: number;
  corp_id: string | null;
  corpname: string | null;
  userid: string;
  username: string;
  tier: AccountTier;
  password_hash: string | null;
  last_login_at: number | null;
}

/** The `users.*` channels (declared in sdk/contracts/users-channels.ts): root-admin's accounts of every corp (R2.4). */
@injectable()
export class UserChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly corps: CorpStore,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    @inject(KNEX) private readonly db: Knex,
  ) {}

  register(): void {
    this.router.handle(USERS_LIST, async ({ corpId }) => {
      const rows = (await this.db('users as u')
        .leftJoin('corps as c', 'c.corp_id', 'u.corp_id')
        .modify((q) => (corpId === undefined ? q : q.where('u.corp_id', corpId)))
        .orderBy([{ column: 'c.corpname' }, { column: 'u.tier', order: 'desc' }, { column: 'u.userid' }])
        .select(
          'u.id',
          'u.corp_id',
          'c.corpname',
          'u.userid',
          'u.username',
          'u.tier',
          'u.password_hash',
          'u.last_login_at',
        )) as UserListRow[];
      return rows.map((row) => ({
        id: row.id,
        corpId: row.corp_id,
        corpname: row.corpname,
        userid: row.userid,
        username: row.username,
        tier: row.tier,
        hasPassword: row.password_hash !== null,
        lastLoginAt: row.last_login_at,
      }));
    });
    this.router.handle(USERS_SAVE, async ({ corpId, userid, username, tier }, call) => {
      await this.corps.get(corpId);
      const id = normaliseUserid(userid);
      if (RESERVED_USERIDS.has(id)) {
        throw new AppError('INVALID_INPUT', `用户ID「${id}」为系统保留，不能添加为企业用户。`, {
          field: 'userid',
        });
      }
      const initialCode = tier === 'wecom-admin' ? newInitialCode() : null;
      const initialCodeHash = initialCode === null ? null : await hashPassword(initialCode);
      const given = await this.db.transaction(async (trx) => {
        const before = (await trx('users').where({ corp_id: corpId, userid: id }).first('id', 'tier')) as
          { id: number; tier: string } | undefined;
        if (before === undefined) {
          await trx('users').insert({
            corp_id: corpId,
            userid: id,
            username: username ?? '',
            tier,
            initial_code_hash: initialCodeHash,
            created_at: Date.now(),
          });
          return initialCodeHash !== null;
        }
        if (username !== undefined) await trx('users').where({ id: before.id }).update({ username });
        if (before.tier === tier) return false;
        // A tier change: the local password and initial code go (a new admin gets a fresh code), and so
        // do the account's open sessions, which must not carry the old tier or gain the new one.
        await trx('users')
          .where({ id: before.id })
          .update({ tier, password_hash: null, initial_code_hash: initialCodeHash });
        await this.sessions.endAllOf(before.id, trx);
        return initialCodeHash !== null;
      });
      await this.audit.record({
        actor: call.user,
        action: 'users.save',
        target: id,
        ok: true,
        detail: { corpId, tier },
      });
      // Shown once to root-admin; only its hash is kept.
      return given && initialCode !== null ? { userid: id, tier, initialCode } : { userid: id, tier };
    });
    this.router.handle(USERS_REMOVE, async ({ id }, call) => {
      const row = await this.userById(id);
      await this.db.transaction(async (trx) => {
        await this.sessions.endAllOf(id, trx);
        await trx('users').where({ id }).delete();
      });
      await this.audit.record({ actor: call.user, action: 'users.remove', target: row.userid, ok: true });
      return {};
    });
    this.router.handle(USERS_RESET_PASSWORD, async ({ id }, call) => {
      const row = await this.userById(id);
      // A WeCom admin gets a new one-time initial code for the next first login; a user has no password.
      const initialCode = row.tier === 'wecom-admin' ? newInitialCode() : null;
      const initialCodeHash = initialCode === null ? null : await hashPassword(initialCode);
      await this.db.transaction(async (trx) => {
        await trx('users').where({ id }).update({ password_hash: null, initial_code_hash: initialCodeHash });
        await this.sessions.endAllOf(id, trx);
      });
      await this.audit.record({
        actor: call.user,
        action: 'users.resetPassword',
        target: row.userid,
        ok: true,
      });
      return initialCode === null ? {} : { initialCode };
    });
  }

  private async userById(id: number): Promise<{ userid: string; tier: string }> {
    const row = (await this.db('users').where({ id }).first('userid', 'tier')) as
      { userid: string; tier: string } | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '用户不存在。', { id });
    if (row.tier === 'root-admin') throw new AppError('FORBIDDEN', '不能删除或修改超级管理员。');
    return row;
  }
}

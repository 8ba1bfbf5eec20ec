import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { LoginResult, SessionUser } from '../../../sdk/contracts/host-status.js';
import { AuditLog } from '../audit/audit-log.js';
import { CorpStore, type CorpFields, type CorpView } from './corp-store.js';
import { LoginThrottle } from './login-throttle.js';
import { passwordProblem } from '../../../sdk/contracts/password-rules.js';
import { RESERVED_USERIDS } from './auth-service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Clock } from '../core/runtime-options.js';
import { SessionService } from './session-service.js';
import { CLOCK, KNEX } from '../core/tokens.js';
import { WeComConnection } from '../wecom/wecom-connection.js';
import { WeComGateways } from '../wecom/wecom-gateways.js';

export interface WhoLogsIn {
  userid?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /** A new or reset WeCom admin's one-time code from root-admin, given with the first password. */
  initialCode?: string | undefined;
}

interface UserRow {
  id: number;
  userid: string;
  username: string;
  tier: SessionUser['tier'];
  password_hash: string | null;
  initial_code_hash: string | null;
}

/** How initial codes are compared: what people copy may gain spaces or lower case. */
export function normaliseInitialCode(code: string): string {
  return code.trim().toUpperCase();
}

/** WeCom userids compare case-insensitively (docs/architecture.md "Security"): stored and looked up in lower case. */
export function normaliseUserid(userid: string | undefined): string {
  return (userid ?? '').trim().toLowerCase();
}

/**
 * The WeCom kinds of `auth.login`: a new corp app (checked with gettoken + agent/get, then saved with
 * its secret in the vault) or a saved one. Users log in without a password; a WeCom admin's first login
 * needs the one-time initial code root-admin was shown and sets the local password, which every later
 * login gives, with the same lockout as root-admin. Reserved userids (root-admin's) cannot log in.
 */
@injectable()
export class CorpLogin {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    private readonly corps: CorpStore,
    private readonly gateways: WeComGateways,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    private readonly connection: WeComConnection,
  ) {}

  async newCorp(fields: CorpFields, who: WhoLogsIn): Promise<LoginResult> {
    const sameName = (await this.corps.list()).find((corp) => corp.corpname === fields.corpname);
    if (
      sameName !== undefined &&
      (sameName.corpid !== fields.corpid || sameName.agentid !== fields.agentid)
    ) {
      throw new AppError(
        'CONFLICT',
        `企业名称「${fields.corpname}」已被其他企业使用，请换一个名称或从下拉列表选择。`,
        {
          field: 'corpname',
        },
      );
    }
    const { appName } = await this.gateways.checkApp(fields);
    const corp = await this.corps.save(fields, appName);
    this.gateways.invalidate(corp.corpId);
    // The check just made (on a short-lived gateway) is the new corp's first connection state.
    this.connection.record(corp.corpId, { kind: 'ok', api: 'agent/get', errcode: 0 });
    await this.audit.record({ actor: null, action: 'corps.saveAtLogin', target: corp.corpname, ok: true });
    return this.openSession(corp, who);
  }

  async savedCorp(corpId: string, who: WhoLogsIn): Promise<LoginResult> {
    const corp = await this.corps.get(corpId);
    const { appName } = await this.gateways.verify(await this.gateways.forCorp(corpId));
    if (appName !== corp.appName) await this.corps.setAppName(corpId, appName);
    return this.openSession({ ...corp, appName }, who);
  }

  private async openSession(corp: CorpView, who: WhoLogsIn): Promise<LoginResult> {
    const userid = normaliseUserid(who.userid);
    if (RESERVED_USERIDS.has(userid)) {
      throw new AppError('INVALID_INPUT', `用户ID「${userid}」为系统保留，不能用于登录企业。`, {
        field: 'userid',
      });
    }
    const username = (who.username ?? '').trim();
    const typed = (who.userid ?? '').trim();
    const user = await this.named(corp.corpId, typed, await this.account(corp.corpId, userid, username));
    if (user.tier === 'wecom-admin') await this.checkAdminPassword(corp, user, who);
    const { token } = await this.sessions.create(user.id, corp.corpId, user.tier);
    await this.db('users').where({ id: user.id }).update({ last_login_at: this.clock.now() });
    await this.audit.record({
      actor: { userid: user.userid, tier: user.tier },
      action: 'auth.login',
      target: corp.corpname,
      ok: true,
    });
    return {
      session: token,
      user: { userid: user.userid, username: user.username, tier: user.tier },
      corp: { corpId: corp.corpId, corpname: corp.corpname, agentid: corp.agentid, appName: corp.appName },
    };
  }

  /**
   * An account nobody named yet gets its name from the WeCom directory (user/get), so the header shows
   * 李伟 rather than LiWei. Best effort: without the directory permission (60011) or an answer it stays
   * unnamed and the login goes on.
   */
  private async named(corpId: string, typed: string, user: UserRow): Promise<UserRow> {
    if ((user.username ?? '') !== '') return user;
    try {
      const gateway = await this.gateways.forCorp(corpId);
      // As typed: accounts keep userids lower-cased, WeCom's user/get wants the directory's spelling.
      const name = ((await gateway.getUser(typed)).name ?? '').trim();
      if (name === '') return user;
      await this.db('users').where({ id: user.id }).update({ username: name });
      return { ...user, username: name };
    } catch {
      return user;
    }
  }

  /** The account of (corp, userid): created as a user at first login; a typed name updates it. */
  private async account(corpId: string, userid: string, username: string): Promise<UserRow> {
    const existing = (await this.db('users').where({ corp_id: corpId, userid }).first()) as
      UserRow | undefined;
    if (existing !== undefined) {
      if (username !== '' && username !== existing.username) {
        await this.db('users').where({ id: existing.id }).update({ username });
        return { ...existing, username };
      }
      return existing;
    }
    const [id] = (await this.db('users').insert({
      corp_id: corpId,
      userid,
      username,
      tier: 'user',
      created_at: this.clock.now(),
    })) as number[];
    return {
      id: id as number,
      userid,
      username,
      tier: 'user',
      password_hash: null,
      initial_code_hash: null,
    };
  }

  private async checkAdminPassword(corp: CorpView, user: UserRow, who: WhoLogsIn): Promise<void> {
    const key = `admin:${corp.corpId}:${user.userid}`;
    const password = who.password;
    if (user.password_hash === null) {
      await this.firstAdminLogin(corp, user, who, key);
      return;
    }
    if (password === undefined || password === '') {
      // Not an attempt: the page asks for the password only once the host says the account needs one.
      await this.throttle.check(key);
      throw new AppError('UNAUTHENTICATED', '该用户是企微管理员，请输入本地密码。', { field: 'password' });
    }
    const attempt = await this.throttle.reserve(key);
    if (!(await verifyPassword(password, user.password_hash))) {
      const remaining = await attempt.failed();
      await this.recordFailure(corp, user);
      throw new AppError(
        'UNAUTHENTICATED',
        remaining > 0 ? `密码错误，还可尝试 ${remaining} 次。` : '密码错误，账户已被暂时锁定。',
        { field: 'password' },
      );
    }
    await attempt.succeeded();
  }

  /** A new or reset admin: the initial code from root-admin, then the password typed now is the local one. */
  private async firstAdminLogin(corp: CorpView, user: UserRow, who: WhoLogsIn, key: string): Promise<void> {
    await this.throttle.check(key);
    if (user.initial_code_hash === null) {
      throw new AppError(
        'FORBIDDEN',
        '该企微管理员还没有初始码，请联系超级管理员在「系统设置 → 用户管理」中重置密码，以获得初始码。',
        { firstAdminLogin: true, needsInitialCode: true },
      );
    }
    const code = normaliseInitialCode(who.initialCode ?? '');
    if (code === '') {
      throw new AppError(
        'INVALID_INPUT',
        '首次以企微管理员身份登录，请输入超级管理员提供的初始码，并设置本地密码，以后每次登录都需要输入。',
        { field: 'initialCode', firstAdminLogin: true },
      );
    }
    const problem = passwordProblem(who.password ?? '');
    if (problem !== null) {
      throw new AppError('INVALID_INPUT', problem, { field: 'password', firstAdminLogin: true });
    }
    const attempt = await this.throttle.reserve(key);
    // Read again inside the reservation: a parallel first login may have used the code already.
    const current = (await this.db('users').where({ id: user.id }).first('initial_code_hash')) as
      { initial_code_hash: string | null } | undefined;
    const hash = current?.initial_code_hash ?? null;
    if (hash === null || !(await verifyPassword(code, hash))) {
      const remaining = await attempt.failed();
      await this.recordFailure(corp, user);
      throw new AppError(
        'UNAUTHENTICATED',
        remaining > 0 ? `初始码不正确，还可尝试 ${remaining} 次。` : '初始码不正确，账户已被暂时锁定。',
        { field: 'initialCode', firstAdminLogin: true },
      );
    }
    await attempt.succeeded();
    const passwordHash = await hashPassword(who.password ?? '');
    const changed = await this.db('users')
      .where({ id: user.id, initial_code_hash: hash })
      .whereNull('password_hash')
      .update({ password_hash: passwordHash, initial_code_hash: null });
    if (changed !== 1) {
      throw new AppError('CONFLICT', '初始码已被使用，请用已设置的本地密码登录。', { field: 'initialCode' });
    }
  }

  private async recordFailure(corp: CorpView, user: UserRow): Promise<void> {
    await this.audit.record({
      actor: null,
      action: 'auth.login',
      target: `${corp.corpname}/${user.userid}`,
      ok: false,
    });
  }
}

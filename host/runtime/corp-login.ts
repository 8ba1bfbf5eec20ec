import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../sdk/contracts/errors.js';
import type { LoginResult, SessionUser } from '../../sdk/contracts/host-status.js';
import { AuditLog } from './audit-log.js';
import { CorpStore, type CorpFields, type CorpView } from './corp-store.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Clock } from './runtime-options.js';
import { SessionService } from './session-service.js';
import { CLOCK, KNEX } from './tokens.js';
import { WeComGateways } from './wecom-gateways.js';

export interface WhoLogsIn {
  userid?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

interface UserRow {
  id: number;
  userid: string;
  username: string;
  tier: SessionUser['tier'];
  password_hash: string | null;
}

/** WeCom userids compare case-insensitively (§9): stored and looked up in lower case. */
export function normaliseUserid(userid: string | undefined): string {
  return (userid ?? '').trim().toLowerCase();
}

/**
 * The WeCom kinds of `auth.login`: a new corp app (checked with gettoken + agent/get, then saved with
 * its secret in the vault) or a saved one. Users log in without a password; WeCom admins set a local
 * password at their first login and give it every time after, with the same lockout as root-admin.
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
  ) {}

  async newCorp(fields: CorpFields, who: WhoLogsIn): Promise<LoginResult> {
    const sameName = (await this.corps.list()).find((corp) => corp.corpname === fields.corpname);
    if (
      sameName !== undefined &&
      (sameName.corpid !== fields.corpid || sameName.agentid !== fields.agentid)
    ) {
      throw new AppError(
        'CONFLICT',
        `企业名称“${fields.corpname}”已被其他企业使用，请换一个名称或从下拉列表选择。`,
        {
          field: 'corpname',
        },
      );
    }
    const { appName } = await this.gateways.checkApp(fields);
    const corp = await this.corps.save(fields, appName);
    this.gateways.invalidate(corp.corpId);
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
    const username = (who.username ?? '').trim();
    const user = await this.account(corp.corpId, userid, username);
    if (user.tier === 'wecom-admin') await this.checkAdminPassword(corp, user, who.password);
    const { token } = await this.sessions.create(user.id, corp.corpId);
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
    return { id: id as number, userid, username, tier: 'user', password_hash: null };
  }

  private async checkAdminPassword(
    corp: CorpView,
    user: UserRow,
    password: string | undefined,
  ): Promise<void> {
    const key = `admin:${corp.corpId}:${user.userid}`;
    await this.throttle.check(key);
    if (user.password_hash === null) {
      // First login as a WeCom admin: the password typed now becomes the local password.
      if (password === undefined || !/^(?=.*[A-Za-z])(?=.*\d).{8,128}$/.test(password)) {
        throw new AppError(
          'INVALID_INPUT',
          '首次以企微管理员身份登录，请设置本地密码（8–128 位，同时包含字母和数字），以后每次登录都需要输入。',
          { field: 'password', firstAdminLogin: true },
        );
      }
      await this.db('users')
        .where({ id: user.id })
        .update({ password_hash: await hashPassword(password) });
      return;
    }
    if (password === undefined || password === '') {
      // Not an attempt: the page asks for the password only once the host says the account needs one.
      throw new AppError('UNAUTHENTICATED', '该用户是企微管理员，请输入本地密码。', { field: 'password' });
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      const remaining = await this.throttle.fail(key);
      await this.audit.record({
        actor: null,
        action: 'auth.login',
        target: `${corp.corpname}/${user.userid}`,
        ok: false,
      });
      throw new AppError(
        'UNAUTHENTICATED',
        remaining > 0 ? `密码错误，还可尝试 ${remaining} 次。` : '密码错误，账户已被暂时锁定。',
        { field: 'password' },
      );
    }
    await this.throttle.succeed(key);
  }
}

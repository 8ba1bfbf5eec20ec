import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import {
  CORP_FIELD_MESSAGES,
  USERID_MAX_LENGTH,
  USERID_PATTERN,
  USERNAME_MAX_LENGTH,
} from '../../../sdk/contracts/corp-app.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { CallContext } from '../../../sdk/main/plugin-context.js';
import { TRUSTED_IP_CONSOLE_URL } from '../../../sdk/wecom/index.js';
import { AuditExport, AuditFilterSchema, filteredAuditLog } from '../audit/audit-export.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuthService, RESERVED_USERIDS, ROOT_USERID } from './auth-service.js';
import { CorpFieldsSchema, CorpStore } from './corp-store.js';
import { CorpLogin, normaliseUserid } from './corp-login.js';
import { NewPasswordSchema } from '../rpc/host-channels.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { IpNotAllowedNotifier } from '../wecom/ip-not-allowed.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, newInitialCode, verifyPassword } from './passwords.js';
import { SessionService } from './session-service.js';
import { PublicIpLookup } from '../wecom/public-ip-lookup.js';
import { TRUSTED_IP_LIMIT, TrustedIpStore } from '../wecom/trusted-ip-store.js';
import { KNEX } from '../core/tokens.js';
import { WeComGateways } from '../wecom/wecom-gateways.js';

const Userid = z
  .string()
  .trim()
  .max(USERID_MAX_LENGTH, CORP_FIELD_MESSAGES.useridLength)
  .regex(USERID_PATTERN, CORP_FIELD_MESSAGES.userid)
  .optional();
const Username = z.string().trim().max(USERNAME_MAX_LENGTH, CORP_FIELD_MESSAGES.username).optional();
const LoginPassword = z.string().max(128).optional();
const InitialCode = z.string().max(64).optional();

export const LoginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('root'), password: z.string().min(1, '请输入密码') }),
  CorpFieldsSchema.extend({
    kind: z.literal('newCorp'),
    userid: Userid,
    username: Username,
    password: LoginPassword,
    initialCode: InitialCode,
  }),
  z.object({
    kind: z.literal('savedCorp'),
    corpId: z.string().min(1, '请选择企业'),
    userid: Userid,
    username: Username,
    password: LoginPassword,
    initialCode: InitialCode,
  }),
]);

const Page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

interface UserListRow {
  id: number;
  corp_id: string | null;
  corpname: string | null;
  userid: string;
  username: string;
  tier: string;
  password_hash: string | null;
  last_login_at: number | null;
}

/** The host channels of accounts, corps, users, trusted IPs and the audit log (R2, R8). */
@injectable()
export class AccountChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly auth: AuthService,
    private readonly corpLogin: CorpLogin,
    private readonly corps: CorpStore,
    private readonly gateways: WeComGateways,
    private readonly trustedIps: TrustedIpStore,
    private readonly ipNotAllowed: IpNotAllowedNotifier,
    private readonly publicIp: PublicIpLookup,
    private readonly audit: AuditLog,
    private readonly auditExport: AuditExport,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    @inject(KNEX) private readonly db: Knex,
  ) {}

  register(): void {
    this.router.completeErrors('WECOM_IP_NOT_ALLOWED', (body) => this.ipNotAllowed.complete(body));
    this.registerAuth();
    this.registerCorps();
    this.registerUsers();
    this.registerTrustedIps();
    this.router.handle(
      'audit.list',
      { input: AuditFilterSchema.extend(Page), minTier: 'root-admin' },
      async ({ page, pageSize, ...filter }) => {
        const base = filteredAuditLog(this.db, filter);
        const [{ n }] = (await base.clone().count({ n: '*' })) as [{ n: number }];
        const rows = (await base
          .clone()
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)) as Array<Record<string, unknown>>;
        return {
          total: Number(n),
          rows: rows.map((row) => ({
            ...row,
            ok: Boolean(row['ok']),
            detail: typeof row['detail'] === 'string' ? (JSON.parse(row['detail']) as unknown) : null,
          })),
        };
      },
    );
    // The same rows as `audit.list` (same tier, same filters), as a workbook in exports/.
    this.router.handle(
      'audit.export',
      { input: AuditFilterSchema, minTier: 'root-admin' },
      async (filter, call) => {
        const result = await this.auditExport.write(filter, call);
        await this.audit.record({
          actor: call.user,
          action: 'audit.export',
          ok: true,
          detail: { rows: result.rows, ...(filter.action === undefined ? {} : { action: filter.action }) },
        });
        return result;
      },
    );
  }

  private registerAuth(): void {
    this.router.handle('auth.login', { input: LoginSchema, minTier: 'public' }, (input) => {
      switch (input.kind) {
        case 'root':
          return this.auth.loginRoot(input.password);
        case 'newCorp': {
          const { kind: _kind, userid, username, password, initialCode, ...fields } = input;
          return this.corpLogin.newCorp(fields, { userid, username, password, initialCode });
        }
        case 'savedCorp':
          return this.corpLogin.savedCorp(input.corpId, input);
      }
    });
    this.router.handle(
      'auth.changePassword',
      {
        input: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: NewPasswordSchema }),
        minTier: 'wecom-admin',
      },
      async ({ oldPassword, newPassword }, call) => {
        const row = await this.accountOf(call);
        // The old password is a guess like a login's: same account key, same lockout.
        const attempt = await this.throttle.reserve(
          call.corp === null ? 'root' : `admin:${call.corp.corpId}:${row.userid}`,
        );
        if (row.password_hash === null || !(await verifyPassword(oldPassword, row.password_hash))) {
          await attempt.failed();
          throw new AppError('UNAUTHENTICATED', '原密码不正确。', { field: 'oldPassword' });
        }
        await attempt.succeeded();
        const passwordHash = await hashPassword(newPassword);
        await this.db.transaction(async (trx) => {
          await trx('users').where({ id: row.id }).update({ password_hash: passwordHash });
          // Whoever else holds a session of this account (another window, a stolen one) is logged out.
          await this.sessions.endOthersOf(row.id, call.sessionId, trx);
          await this.audit.record({ actor: call.user, action: 'auth.changePassword', ok: true }, trx);
        });
        return {};
      },
    );
  }

  private registerCorps(): void {
    // Public: the login page offers saved corps by name (R2.3); secrets are only ever masked.
    this.router.handle('corps.list', { input: z.object({}), minTier: 'public' }, () => this.corps.list());
    this.router.handle(
      'corps.save',
      {
        input: CorpFieldsSchema.extend({
          corpId: z.string().optional(),
          // Editing without retyping the secret keeps the saved one.
          corpsecret: CorpFieldsSchema.shape.corpsecret.optional(),
        }),
        minTier: 'wecom-admin',
      },
      async ({ corpId, corpsecret, ...fields }, call) => {
        this.ownCorpOnly(corpId, call);
        const secret = corpsecret ?? (corpId === undefined ? undefined : await this.corps.secretOf(corpId));
        if (secret === undefined)
          throw new AppError('INVALID_INPUT', '请填写应用Secret', { field: 'corpsecret' });
        const complete = { ...fields, corpsecret: secret };
        // The one WeCom call root-admin makes: the configuration check before saving.
        const { appName } = await this.gateways.checkApp(complete);
        const saved = await this.corps.save(complete, appName);
        this.gateways.invalidate(saved.corpId);
        await this.audit.record({ actor: call.user, action: 'corps.save', target: saved.corpname, ok: true });
        return saved;
      },
    );
    this.router.handle(
      'corps.check',
      { input: z.object({ corpId: z.string().min(1) }), minTier: 'wecom-admin' },
      async ({ corpId }, call) => {
        this.ownCorpOnly(corpId, call);
        const { appName } = await this.gateways.verify(await this.gateways.forCorp(corpId));
        await this.corps.setAppName(corpId, appName);
        return { ok: true, appName };
      },
    );
    this.router.handle(
      'corps.delete',
      { input: z.object({ corpId: z.string().min(1) }), minTier: 'root-admin' },
      async ({ corpId }, call) => {
        const corp = await this.corps.get(corpId);
        await this.corps.remove(corpId);
        this.gateways.invalidate(corpId);
        await this.audit.record({
          actor: call.user,
          action: 'corps.delete',
          target: corp.corpname,
          ok: true,
        });
        return {};
      },
    );
  }

  private registerUsers(): void {
    this.router.handle(
      'users.list',
      { input: z.object({ corpId: z.string().optional() }), minTier: 'root-admin' },
      async ({ corpId }) => {
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
      },
    );
    this.router.handle(
      'users.save',
      {
        input: z.object({
          corpId: z.string().min(1, '请选择企业'),
          userid: z.string().trim().min(1, '请填写用户ID').pipe(Userid.unwrap()),
          username: Username,
          tier: z.enum(['user', 'wecom-admin']),
        }),
        minTier: 'root-admin',
      },
      async ({ corpId, userid, username, tier }, call) => {
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
      },
    );
    const byId = z.object({ id: z.number().int() });
    this.router.handle('users.remove', { input: byId, minTier: 'root-admin' }, async ({ id }, call) => {
      const row = await this.userById(id);
      await this.db.transaction(async (trx) => {
        await this.sessions.endAllOf(id, trx);
        await trx('users').where({ id }).delete();
      });
      await this.audit.record({ actor: call.user, action: 'users.remove', target: row.userid, ok: true });
      return {};
    });
    this.router.handle(
      'users.resetPassword',
      { input: byId, minTier: 'root-admin' },
      async ({ id }, call) => {
        const row = await this.userById(id);
        // A WeCom admin gets a new one-time initial code for the next first login; a user has no password.
        const initialCode = row.tier === 'wecom-admin' ? newInitialCode() : null;
        const initialCodeHash = initialCode === null ? null : await hashPassword(initialCode);
        await this.db.transaction(async (trx) => {
          await trx('users')
            .where({ id })
            .update({ password_hash: null, initial_code_hash: initialCodeHash });
          await this.sessions.endAllOf(id, trx);
        });
        await this.audit.record({
          actor: call.user,
          action: 'users.resetPassword',
          target: row.userid,
          ok: true,
        });
        return initialCode === null ? {} : { initialCode };
      },
    );
  }

  private registerTrustedIps(): void {
    const view = async () => {
      const ips = await this.trustedIps.list();
      return {
        ips,
        copyText: ips.map((entry) => entry.ip).join(';'),
        limit: TRUSTED_IP_LIMIT,
        consoleUrl: TRUSTED_IP_CONSOLE_URL,
      };
    };
    // Public: the login page and the 60020 dialog show the list before anyone is logged in.
    this.router.handle('trustedIps.list', { input: z.object({}), minTier: 'public' }, view);
    this.router.handle('trustedIps.detectPublicIp', { input: z.object({}), minTier: 'public' }, async () => {
      const answer = await this.publicIp.lookup();
      if (answer.ip !== null) await this.trustedIps.record(answer.ip, 'detected');
      return {
        ...answer,
        message: answer.ip === null ? '无法检测本机公网 IP，请手动填写。' : `本机公网 IP：${answer.ip}`,
      };
    });
    this.router.handle(
      'trustedIps.add',
      { input: z.object({ ip: z.string().min(1, '请填写 IP') }), minTier: 'wecom-admin' },
      async ({ ip }, call) => {
        const result = await this.trustedIps.record(ip, 'manual');
        await this.audit.record({ actor: call.user, action: 'trustedIps.add', target: ip, ok: true });
        return result;
      },
    );
    this.router.handle(
      'trustedIps.replace',
      { input: z.object({ ips: z.array(z.string()) }), minTier: 'wecom-admin' },
      async ({ ips }, call) => {
        await this.trustedIps.replace(ips);
        await this.audit.record({
          actor: call.user,
          action: 'trustedIps.replace',
          ok: true,
          detail: { count: ips.length },
        });
        return view();
      },
    );
  }

  /** root-admin manages every corp; a WeCom admin only the corp of their own login. */
  private ownCorpOnly(corpId: string | undefined, call: CallContext): void {
    if (call.user?.tier !== 'root-admin' && (corpId === undefined || call.corp?.corpId !== corpId)) {
      throw new AppError('FORBIDDEN', '企微管理员只能管理自己所在企业的配置。');
    }
  }

  private async accountOf(
    call: CallContext,
  ): Promise<{ id: number; userid: string; password_hash: string | null }> {
    const user = call.user;
    if (user === null) throw new AppError('UNAUTHENTICATED', '请先登录。');
    const query = this.db('users').where({ userid: user.userid });
    if (user.userid === ROOT_USERID && user.tier === 'root-admin') query.whereNull('corp_id');
    else query.where({ corp_id: call.corp?.corpId ?? null });
    const row = (await query.first('id', 'userid', 'password_hash')) as
      { id: number; userid: string; password_hash: string | null } | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '账户不存在。');
    return row;
  }

  private async userById(id: number): Promise<{ userid: string; tier: string }> {
    const row = (await this.db('users').where({ id }).first('userid', 'tier')) as
      { userid: string; tier: string } | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '用户不存在。', { id });
    if (row.tier === 'root-admin') throw new AppError('FORBIDDEN', '不能删除或修改超级管理员。');
    return row;
  }
}

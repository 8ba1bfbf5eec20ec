import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import {
  AUTH_CHANGE_PASSWORD,
  AUTH_LOGIN,
  AUTH_LOGOUT,
  AUTH_RECOVER_ROOT,
  AUTH_SETUP_ROOT,
} from '../../../sdk/contracts/auth-channels.js';
import type { SignedInCall } from '../../../sdk/contracts/channel.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import { AuditLog } from '../audit/audit-log.js';
import { KNEX } from '../core/tokens.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { AuthService, ROOT_USERID } from './auth-service.js';
import { CorpLogin } from './corp-login.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SessionService } from './session-service.js';

interface AccountRow {
  id: number;
  userid: string;
  password_hash: string | null;
}

/** The `auth.*` channels (declared in sdk/contracts/auth-channels.ts): logins, root-admin's setup and recovery, passwords (R2). */
@injectable()
export class AuthChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly auth: AuthService,
    private readonly corpLogin: CorpLogin,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    @inject(KNEX) private readonly db: Knex,
  ) {}

  register(): void {
    this.router.handle(AUTH_LOGIN, (input) => {
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
    this.router.handle(AUTH_SETUP_ROOT, ({ password }) => this.auth.setupRoot(password));
    this.router.handle(AUTH_RECOVER_ROOT, (input) =>
      this.auth.recoverRoot(input.recoveryCode, input.newPassword),
    );
    this.router.handle(AUTH_LOGOUT, async (_input, call) => {
      await this.auth.logout(call);
      return {};
    });
    this.router.handle(AUTH_CHANGE_PASSWORD, async ({ oldPassword, newPassword }, call) => {
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
    });
  }

  /** The caller's own row: root-admin has no corp, a WeCom admin is the one of their login's corp. */
  private async accountOf(call: SignedInCall): Promise<AccountRow> {
    const { user } = call;
    const query = this.db('users').where({ userid: user.userid });
    if (user.userid === ROOT_USERID && user.tier === 'root-admin') query.whereNull('corp_id');
    else query.where({ corp_id: call.corp?.corpId ?? null });
    const row = (await query.first('id', 'userid', 'password_hash')) as AccountRow | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '账户不存在。');
    return row;
  }
}

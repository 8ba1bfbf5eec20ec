// Sessions follow the account (tier changes, password changes and resets, corp deletion end them) and
// the login lockout holds against parallel guesses: docs/threat-model.md.
import type { LoginResult } from '../../../sdk/contracts/host-status.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import { CorpStore } from './corp-store.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { LoginThrottle } from './login-throttle.js';

const ROOT_PASSWORD = 'Kettle-Harbor-42';

function codeOf(result: RpcResult): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('account security', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let root: string;
  let corpId: string;

  beforeEach(async () => {
    dataDir = tempDataDir('account-security');
    runtime = await startRuntime(dataDir);
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: ROOT_PASSWORD }, null));
    root = dataOf<LoginResult>(await loginRoot(ROOT_PASSWORD)).session;
    const corp = await runtime.container.resolve(CorpStore).save(
      {
        corpname: '甲企业',
        corpid: 'wwsecurityA1',
        corpsecret: 'TestSecret_0123456789abcdef',
        agentid: 1000002,
      },
      '直播助手',
    );
    corpId = corp.corpId;
  });

  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  function loginRoot(password: string): Promise<RpcResult> {
    return runtime.router.dispatch('auth.login', { kind: 'root', password }, null);
  }

  async function userRowId(userid: string): Promise<number> {
    const row = (await runtime.db('users').where({ corp_id: corpId, userid }).first('id')) as { id: number };
    return row.id;
  }

  describe('sessions', () => {
    it('does not let a password-less session become an admin session when root promotes its user', async () => {
      const member = await sessionFor(runtime, 'user', 'wangwu', corpId);
      expect(codeOf(await runtime.router.dispatch('trustedIps.add', { ip: '198.51.100.9' }, member))).toBe(
        'FORBIDDEN',
      );
      const promoted = dataOf<{ tier: string; initialCode?: string }>(
        await runtime.router.dispatch('users.save', { corpId, userid: 'wangwu', tier: 'wecom-admin' }, root),
      );
      expect(promoted.tier).toBe('wecom-admin');
      expect(promoted.initialCode).toBeDefined();
      // The old session ends rather than gain the admin tier without any password.
      const after = await runtime.router.dispatch('trustedIps.add', { ip: '198.51.100.9' }, member);
      expect(codeOf(after)).toBe('UNAUTHENTICATED');
      expect(codeOf(await runtime.router.dispatch('host.about', {}, member))).toBe('UNAUTHENTICATED');
    });

    it('ends an admin session when the admin is made a user again, and any session whose tier changed', async () => {
      const admin = await sessionFor(runtime, 'wecom-admin', 'zhaoliu', corpId);
      const other = await sessionFor(runtime, 'user', 'sunqi', corpId);
      dataOf(await runtime.router.dispatch('users.save', { corpId, userid: 'zhaoliu', tier: 'user' }, root));
      expect(codeOf(await runtime.router.dispatch('host.about', {}, admin))).toBe('UNAUTHENTICATED');
      // A tier changed by any other path (an older version, a restore) ends the session as well.
      await runtime
        .db('users')
        .where({ id: await userRowId('sunqi') })
        .update({ tier: 'wecom-admin' });
      expect(codeOf(await runtime.router.dispatch('host.about', {}, other))).toBe('UNAUTHENTICATED');
    });

    it('ends the sessions of an admin whose password root resets, and gives a new initial code', async () => {
      const admin = await sessionFor(runtime, 'wecom-admin', 'zhouba', corpId);
      const reset = dataOf<{ initialCode?: string }>(
        await runtime.router.dispatch('users.resetPassword', { id: await userRowId('zhouba') }, root),
      );
      expect(reset.initialCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(codeOf(await runtime.router.dispatch('host.about', {}, admin))).toBe('UNAUTHENTICATED');
      const row = (await runtime
        .db('users')
        .where({ id: await userRowId('zhouba') })
        .first()) as Record<string, unknown>;
      expect(row['password_hash']).toBeNull();
      expect(String(row['initial_code_hash'])).toMatch(/^scrypt\$/);
      expect(JSON.stringify(row)).not.toContain(reset.initialCode ?? '?');
    });

    it("ends every other session of the account on a password change, keeping the changer's own", async () => {
      const second = dataOf<LoginResult>(await loginRoot(ROOT_PASSWORD)).session;
      dataOf(
        await runtime.router.dispatch(
          'auth.changePassword',
          { oldPassword: ROOT_PASSWORD, newPassword: 'Lantern-Mosaic-93' },
          root,
        ),
      );
      expect(codeOf(await runtime.router.dispatch('host.about', {}, root))).toBe('ok');
      expect(codeOf(await runtime.router.dispatch('host.about', {}, second))).toBe('UNAUTHENTICATED');
    });

    it("ends the sessions of a deleted corp's accounts", async () => {
      const member = await sessionFor(runtime, 'user', 'qianjiu', corpId);
      dataOf(await runtime.router.dispatch('corps.delete', { corpId }, root));
      expect(codeOf(await runtime.router.dispatch('host.about', {}, member))).toBe('UNAUTHENTICATED');
    });

    it("refuses root-admin's and the host's own names as corp userids", async () => {
      for (const userid of ['root-admin', 'ROOT-ADMIN', 'system']) {
        const refused = await runtime.router.dispatch(
          'users.save',
          { corpId, userid, tier: 'wecom-admin' },
          root,
        );
        expect(refused.ok ? null : refused.error.details)
          .withContext(userid)
          .toEqual({ field: 'userid' });
      }
    });
  });

  describe('password rules', () => {
    it('refuses short and common passwords for root-admin, naming the rule', async () => {
      const fresh = tempDataDir('account-security-fresh');
      const other = await startRuntime(fresh);
      try {
        for (const [password, rule] of [
          ['password1', '至少 12 位'],
          ['Password2026!', '常见'],
          ['qwerty123456', '常见'],
          ['P@ssw0rd2026', '常见'],
          ['aaaaaaaaaaaa', '常见'],
        ] as const) {
          const refused = await other.router.dispatch('auth.setupRoot', { password }, null);
          expect(refused.ok ? null : refused.error.details)
            .withContext(password)
            .toEqual({ field: 'password' });
          expect(refused.ok ? '' : refused.error.message)
            .withContext(password)
            .toContain(rule);
        }
        dataOf(await other.router.dispatch('auth.setupRoot', { password: 'Four-Quiet-Kettles-9' }, null));
      } finally {
        await other.stop();
        removeDir(fresh);
      }
    });

    it('refuses a common new password on a password change', async () => {
      const refused = await runtime.router.dispatch(
        'auth.changePassword',
        { oldPassword: ROOT_PASSWORD, newPassword: 'password1234' },
        root,
      );
      expect(refused.ok ? null : refused.error.details).toEqual({ field: 'newPassword' });
    });
  });

  describe('lockout', () => {
    it('checks one of a burst of parallel guesses; the right password in the burst does not pass', async () => {
      // Eight wrong passwords and the right one, all sent before any is answered.
      const burst = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) => loginRoot(`wrong-guess-${i}`)),
        loginRoot(ROOT_PASSWORD),
      ]);
      const codes = burst.map(codeOf);
      expect(codes.filter((code) => code !== 'RATE_LIMITED')).toEqual(['UNAUTHENTICATED']);
      expect(codes[8]).toBe('RATE_LIMITED');
    });

    it('keeps a lock that a parallel wrong guess set, though the right password raced it', async () => {
      for (let i = 0; i < 4; i += 1) expect(codeOf(await loginRoot(`wrong-${i}`))).toBe('UNAUTHENTICATED');
      // The fifth wrong guess locks the account; the right password sent alongside it must not undo that.
      const [wrong, right] = await Promise.all([loginRoot('wrong-5'), loginRoot(ROOT_PASSWORD)]);
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(codeOf(right)).toBe('RATE_LIMITED');
      expect(codeOf(await loginRoot(ROOT_PASSWORD))).toBe('RATE_LIMITED');
    });

    it('never clears a lock that came into force while a right password was being checked', async () => {
      const throttle = runtime.container.resolve(LoginThrottle);
      const attempt = await throttle.reserve('probe');
      // Another writer locks the account meanwhile (as a second process on a shared database could).
      await runtime
        .db('config')
        .insert({
          key: 'lockout:probe',
          value: JSON.stringify({ count: 9, lockedUntil: Date.now() + 60_000 }),
          updated_at: Date.now(),
        })
        .onConflict('key')
        .merge();
      await expectAsync(attempt.succeeded()).toBeRejectedWith(
        jasmine.objectContaining({ code: 'RATE_LIMITED' }),
      );
      await expectAsync(throttle.check('probe')).toBeRejectedWith(
        jasmine.objectContaining({ code: 'RATE_LIMITED' }),
      );
    });

    it('counts a reserved attempt before the check, and gives back one that checked nothing', async () => {
      const throttle = runtime.container.resolve(LoginThrottle);
      const attempt = await throttle.reserve('counted');
      const stored = (await runtime.db('config').where({ key: 'lockout:counted' }).first('value')) as {
        value: string;
      };
      expect((JSON.parse(stored.value) as { count: number }).count).toBe(1);
      await expectAsync(throttle.reserve('counted')).toBeRejectedWith(
        jasmine.objectContaining({ code: 'RATE_LIMITED' }),
      );
      await attempt.abandon();
      const after = (await runtime.db('config').where({ key: 'lockout:counted' }).first('value')) as {
        value: string;
      };
      expect((JSON.parse(after.value) as { count: number }).count).toBe(0);
    });
  });
});

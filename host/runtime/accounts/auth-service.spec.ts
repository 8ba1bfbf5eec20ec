import type { HostStatus, LoginResult } from '../../../sdk/contracts/host-status.js';
import { dataOf, removeDir, startRuntime, tempDataDir } from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

describe('root-admin account', () => {
  let dataDir: string;
  let runtime: HostRuntime;

  beforeEach(async () => {
    dataDir = tempDataDir('auth');
    runtime = await startRuntime(dataDir);
  });

  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  const login = (password: string) => runtime.router.dispatch('auth.login', { kind: 'root', password }, null);

  it('is set up once on first run, with a recovery code stored only as a hash', async () => {
    expect(dataOf<HostStatus>(await runtime.router.dispatch('host.status', {}, null)).firstRun).toBeTrue();
    const { recoveryCode } = dataOf<{ recoveryCode: string }>(
      await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null),
    );
    expect(recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
    expect(dataOf<HostStatus>(await runtime.router.dispatch('host.status', {}, null)).firstRun).toBeFalse();
    const again = await runtime.router.dispatch('auth.setupRoot', { password: 'Other-Orchid-Sail-1' }, null);
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const row = (await runtime.db('users').where({ userid: 'root-admin' }).first()) as Record<string, string>;
    expect(row['password_hash']).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain(recoveryCode);
  });

  it('refuses a weak password naming the field', async () => {
    const weak = await runtime.router.dispatch('auth.setupRoot', { password: 'short' }, null);
    expect(weak.ok ? null : weak.error.details).toEqual({ field: 'password' });
  });

  it('logs in with the password, logs out, and refuses a wrong password', async () => {
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null));
    const wrong = await login('nope');
    expect(wrong.ok ? null : wrong.error.code).toBe('UNAUTHENTICATED');
    const result = dataOf<LoginResult>(await login('Kettle-Harbor-42'));
    expect(result.user).toEqual({ userid: 'root-admin', username: '超级管理员', tier: 'root-admin' });
    dataOf(await runtime.router.dispatch('auth.logout', {}, result.session));
    const after = await runtime.router.dispatch('auth.logout', {}, result.session);
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
  });

  it('locks out after repeated failures with growing delays', async () => {
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null));
    for (let i = 0; i < 5; i += 1) await login('bad-password');
    const locked = await login('Kettle-Harbor-42');
    expect(locked.ok ? null : locked.error.code).toBe('RATE_LIMITED');
    const retryAfterMs = locked.ok ? 0 : (locked.error.details?.['retryAfterMs'] as number);
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('keeps a lockout across a restart of the app', async () => {
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null));
    for (let i = 0; i < 5; i += 1) await login('bad-password');
    await runtime.stop();
    runtime = await startRuntime(dataDir);
    const locked = await login('Kettle-Harbor-42');
    expect(locked.ok ? null : locked.error.code).toBe('RATE_LIMITED');
  });

  it('resets the password once with the recovery code and issues a new code', async () => {
    const { recoveryCode } = dataOf<{ recoveryCode: string }>(
      await runtime.router.dispatch('auth.setupRoot', { password: 'Kettle-Harbor-42' }, null),
    );
    const oldSession = dataOf<LoginResult>(await login('Kettle-Harbor-42')).session;
    const next = dataOf<{ recoveryCode: string }>(
      await runtime.router.dispatch(
        'auth.recoverRoot',
        { recoveryCode: recoveryCode.toLowerCase(), newPassword: 'Lantern-Mosaic-93' },
        null,
      ),
    );
    expect(next.recoveryCode).not.toBe(recoveryCode);
    expect((await login('Kettle-Harbor-42')).ok).toBeFalse();
    expect((await login('Lantern-Mosaic-93')).ok).toBeTrue();
    const reused = await runtime.router.dispatch(
      'auth.recoverRoot',
      { recoveryCode, newPassword: 'Another-Birch-Pond-6' },
      null,
    );
    expect(reused.ok ? null : reused.error.code).toBe('UNAUTHENTICATED');
    const stale = await runtime.router.dispatch('auth.logout', {}, oldSession);
    expect(stale.ok ? null : stale.error.code).toBe('UNAUTHENTICATED');
  });
});

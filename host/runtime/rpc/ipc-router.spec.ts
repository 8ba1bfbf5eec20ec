import type { Tier } from '../../../sdk/contracts/tiers.js';
import {
  corpSessionFor,
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

describe('IpcRouter', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  const sessions: Record<Tier, string | null> = {
    public: null,
    user: null,
    'wecom-admin': null,
    'root-admin': null,
  };

  beforeAll(async () => {
    dataDir = tempDataDir('router');
    runtime = await startRuntime(dataDir);
    sessions.user = await sessionFor(runtime, 'user');
    sessions['wecom-admin'] = await sessionFor(runtime, 'wecom-admin');
    sessions['root-admin'] = await sessionFor(runtime, 'root-admin');
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  // channel → the lowest tier allowed
  const channels: Array<[string, Tier, unknown]> = [
    ['notes.count', 'public', {}],
    ['notes.add', 'user', { text: 'x' }],
    ['notes.adminOnly', 'wecom-admin', {}],
    ['notes.rootOnly', 'root-admin', {}],
    ['jobs.get', 'user', { jobId: 'unknown' }],
    ['plugins.setEnabled', 'root-admin', { id: 'notes', enabled: true }],
  ];
  const callers: Tier[] = ['public', 'user', 'wecom-admin', 'root-admin'];
  const rank = (tier: Tier): number => callers.indexOf(tier);

  for (const [channel, minTier, input] of channels) {
    for (const caller of callers) {
      it(`${caller} → ${channel}`, async () => {
        const result = await runtime.router.dispatch(channel, input, sessions[caller]);
        if (rank(caller) >= rank(minTier)) {
          // Allowed past the guards: ok, or a handler-level answer such as NOT_FOUND for an unknown job.
          if (!result.ok) expect(['NOT_FOUND']).toContain(result.error.code);
        } else {
          expect(result.ok).toBeFalse();
          if (!result.ok)
            expect(result.error.code).toBe(caller === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    }
  }

  it('refuses requiresCorp channels to root-admin with the reason, and to a user without a corp', async () => {
    const rootAnswer = await runtime.router.dispatch('notes.corpOnly', {}, sessions['root-admin']);
    expect(rootAnswer.ok ? null : rootAnswer.error.code).toBe('FORBIDDEN');
    expect(rootAnswer.ok ? '' : rootAnswer.error.message).toContain('超级管理员不调用企业微信业务接口');
    const userAnswer = await runtime.router.dispatch('notes.corpOnly', {}, sessions.user);
    expect(userAnswer.ok ? null : userAnswer.error.details).toEqual({ requiresCorp: true });
    const inCorp = await corpSessionFor(runtime, 'user');
    expect(dataOf(await runtime.router.dispatch('notes.corpOnly', {}, inCorp))).toEqual({ ok: true });
  });

  it('names the invalid field in Chinese', async () => {
    const result = await runtime.router.dispatch('notes.add', { text: 5 }, sessions.user);
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.details).toEqual({ field: 'text' });
      expect(result.error.message).toMatch(/text.*[\u4e00-\u9fa5]/);
    }
  });

  it('answers NOT_FOUND for an unknown channel, PLUGIN_DISABLED only for known plugins', async () => {
    const unknown = await runtime.router.dispatch('nothing.here', {}, sessions.user);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    const unknownAction = await runtime.router.dispatch('notes.nothing', {}, sessions.user);
    expect(unknownAction.ok ? null : unknownAction.error.code).toBe('NOT_FOUND');
  });

  it('answers UNAUTHENTICATED for an unknown session token', async () => {
    const result = await runtime.router.dispatch('notes.add', { text: 'x' }, 'not-a-session');
    expect(result.ok ? null : result.error.code).toBe('UNAUTHENTICATED');
  });

  it('hides internals of a handler crash: no stack, no secret, an error id to find the log line', async () => {
    const result = await runtime.router.dispatch('notes.boom', {}, null);
    expect(result.ok).toBeFalse();
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('corpsecret');
      expect(result.error.message).not.toContain('file.ts');
      expect(result.error.message).toMatch(/编号 [0-9a-f]{8}/);
    }
  });

  it('keeps plugin settings scoped and persistent', async () => {
    const answer = dataOf<{ value: unknown }>(
      await runtime.router.dispatch('notes.remember', { key: 'k', value: { a: 1 } }, sessions.user),
    );
    expect(answer.value).toEqual({ a: 1 });
    const row = (await runtime.db('config').where({ key: 'plugin:notes:k' }).first()) as { value: string };
    expect(JSON.parse(row.value)).toEqual({ a: 1 });
  });
});

describe('IpcRouter session idle timeout', () => {
  it('expires a session idle longer than the timeout', async () => {
    const dataDir = tempDataDir('idle');
    let now = Date.now();
    const runtime = await startRuntime(dataDir, { sessionIdleMs: 60_000 }, { now: () => now });
    try {
      const token = await sessionFor(runtime, 'user');
      expect((await runtime.router.dispatch('notes.add', { text: 'a' }, token)).ok).toBeTrue();
      now += 59_000;
      expect((await runtime.router.dispatch('notes.add', { text: 'b' }, token)).ok).toBeTrue();
      now += 61_000;
      const expired = await runtime.router.dispatch('notes.add', { text: 'c' }, token);
      expect(expired.ok ? null : expired.error.code).toBe('UNAUTHENTICATED');
      expect(expired.ok ? '' : expired.error.message).toContain('会话已过期');
    } finally {
      await runtime.stop();
      removeDir(dataDir);
    }
  });
});

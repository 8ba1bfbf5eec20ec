import { TokenManager, type TokenGrant } from './token-manager.js';

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('TokenManager', () => {
  let now: number;
  let fetches: number;
  let grants: Array<() => Promise<TokenGrant>>;
  let manager: TokenManager;

  beforeEach(() => {
    now = 1_000_000;
    fetches = 0;
    grants = [];
    manager = new TokenManager({
      now: () => now,
      marginSeconds: 300,
      fetchToken: () => {
        fetches += 1;
        const next = grants.shift();
        return next ? next() : Promise.resolve({ accessToken: `token-${fetches}`, expiresInSeconds: 7200 });
      },
    });
  });

  it('shares one gettoken among concurrent callers', async () => {
    const gate = deferred<TokenGrant>();
    grants.push(() => gate.promise);
    const callers = Array.from({ length: 100 }, () => manager.get());
    gate.resolve({ accessToken: 'shared', expiresInSeconds: 7200 });
    expect(new Set(await Promise.all(callers))).toEqual(new Set(['shared']));
    expect(fetches).toBe(1);
  });

  it('caches until expires_in minus the margin', async () => {
    expect(await manager.get()).toBe('token-1');
    now += (7200 - 301) * 1000;
    expect(await manager.get()).toBe('token-1');
    now += 2000;
    expect(await manager.get()).toBe('token-2');
    expect(fetches).toBe(2);
  });

  it('never refreshes sooner than half a short lifetime', async () => {
    grants.push(() => Promise.resolve({ accessToken: 'short', expiresInSeconds: 10 }));
    expect(await manager.get()).toBe('short');
    now += 4_000;
    expect(await manager.get()).toBe('short');
    now += 2_000;
    expect(await manager.get()).toBe('token-2');
  });

  it('drops a rejected token once, however many callers report it', async () => {
    const stale = await manager.get();
    manager.invalidate(stale);
    const fresh = await manager.get();
    expect(fresh).toBe('token-2');
    // Late reports about the old token must not throw away the new one.
    manager.invalidate(stale);
    expect(await manager.get()).toBe('token-2');
    expect(fetches).toBe(2);
  });

  it('lets the next caller try again after a failed gettoken', async () => {
    grants.push(() => Promise.reject(new Error('boom')));
    await expectAsync(manager.get()).toBeRejectedWithError('boom');
    expect(await manager.get()).toBe('token-2');
  });

  it('remembers recent tokens for scrubbing', async () => {
    const first = await manager.get();
    manager.invalidate(first);
    const second = await manager.get();
    expect(manager.knownTokens()).toEqual([second, first]);
  });
});

// config.get / config.setUpdateFeed against a real runtime: update.json written through the module the
// Electron updater reads it with.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigView } from '../../../sdk/contracts/config.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { readUpdateFile, resolveUpdateFeed, UPDATE_FEED_ENV } from './update-feed-file.js';

describe('config.* update feed', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let root: string;
  const savedEnv = process.env[UPDATE_FEED_ENV];

  beforeEach(async () => {
    delete process.env[UPDATE_FEED_ENV];
    dataDir = tempDataDir('feed');
    runtime = await startRuntime(dataDir);
    root = await sessionFor(runtime, 'root-admin');
  });

  afterEach(async () => {
    if (savedEnv === undefined) delete process.env[UPDATE_FEED_ENV];
    else process.env[UPDATE_FEED_ENV] = savedEnv;
    await runtime.stop();
    removeDir(dataDir);
  });

  const set = (url: string | null) => runtime.router.dispatch('config.setUpdateFeed', { url }, root);

  it('saves a feed in update.json, as the updater reads it, and removes it again', async () => {
    const before = dataOf<ConfigView>(await runtime.router.dispatch('config.get', {}, root)).updateFeed;
    expect(before).toEqual(
      jasmine.objectContaining({ url: null, source: 'none', savedUrl: null, problem: null }),
    );
    // Specs run in plain Node: browser mode, which never updates itself.
    expect(before.autoUpdate.applies).toBeFalse();
    expect(before.autoUpdate.reason).toContain('浏览器模式');

    const view = dataOf<ConfigView>(await set('  https://updates.example.com/wecom-live/win32/x64/ '));
    expect(view.updateFeed).toEqual(
      jasmine.objectContaining({
        url: 'https://updates.example.com/wecom-live/win32/x64',
        source: 'file',
        savedUrl: 'https://updates.example.com/wecom-live/win32/x64',
      }),
    );
    expect(JSON.parse(readFileSync(join(dataDir, 'update.json'), 'utf8'))).toEqual({
      feedUrl: 'https://updates.example.com/wecom-live/win32/x64',
    });
    expect(resolveUpdateFeed({}, () => readUpdateFile(dataDir)).url).toBe(
      'https://updates.example.com/wecom-live/win32/x64',
    );
    const audit = (await runtime.db('audit_log').where({ action: 'config.setUpdateFeed' }).first()) as {
      ok: number;
      target: string;
    };
    expect(audit).toEqual(
      jasmine.objectContaining({ ok: 1, target: 'https://updates.example.com/wecom-live/win32/x64' }),
    );

    const cleared = dataOf<ConfigView>(await set(null));
    expect(cleared.updateFeed.source).toBe('none');
    expect(existsSync(join(dataDir, 'update.json'))).toBeFalse();
  });

  it('refuses feeds that are not https, naming why', async () => {
    for (const [url, words] of [
      ['http://updates.example.com/feed', 'https'],
      ['https://user:pw@updates.example.com/', '用户名或密码'],
      ['ftp://updates.example.com/', 'https'],
      ['not a url', '不是有效的网址'],
    ] as const) {
      const result = await set(url);
      expect(result.ok).withContext(url).toBeFalse();
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.details?.['field']).toBe('url');
        expect(result.error.message).withContext(url).toContain(words);
      }
    }
    expect(existsSync(join(dataDir, 'update.json'))).toBeFalse();
    expect(dataOf(await set('http://127.0.0.1:8080/feed'))).toBeDefined();
  });

  it('shows a feed from the environment as the one in use, and then keeps the saved one read-only', async () => {
    dataOf(await set('https://saved.example/feed'));
    process.env[UPDATE_FEED_ENV] = 'https://env.example/feed';
    const view = dataOf<ConfigView>(await runtime.router.dispatch('config.get', {}, root)).updateFeed;
    expect(view).toEqual(
      jasmine.objectContaining({
        url: 'https://env.example/feed',
        source: 'env',
        savedUrl: 'https://saved.example/feed',
        envVariable: UPDATE_FEED_ENV,
      }),
    );
    const refused = await set('https://other.example/feed');
    expect(refused.ok).toBeFalse();
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(UPDATE_FEED_ENV);
    }
    process.env[UPDATE_FEED_ENV] = 'http://evil.example';
    const bad = dataOf<ConfigView>(await runtime.router.dispatch('config.get', {}, root)).updateFeed;
    expect(bad.url).toBeNull();
    expect(bad.problem).toContain(UPDATE_FEED_ENV);
  });
});

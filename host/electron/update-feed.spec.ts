import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import {
  readUpdateFile,
  resolveUpdateFeed,
  shouldAutoUpdate,
  UPDATE_FEED_ENV,
  validFeedUrl,
} from './update-feed.js';

describe('update feed', () => {
  it('accepts https feeds, and http only on this machine', () => {
    expect(validFeedUrl('https://updates.example.com/wecom-live/win32/x64/')).toBe(
      'https://updates.example.com/wecom-live/win32/x64',
    );
    expect(validFeedUrl('http://127.0.0.1:8080/feed')).toBe('http://127.0.0.1:8080/feed');
    expect(validFeedUrl('http://updates.example.com/feed')).toBeNull();
    expect(validFeedUrl('https://u:p@updates.example.com/')).toBeNull();
    expect(validFeedUrl('file:///C:/feed')).toBeNull();
    expect(validFeedUrl('nonsense')).toBeNull();
  });

  it('takes the environment first, then update.json, else no feed', () => {
    const file = JSON.stringify({ feedUrl: 'https://a.example/feed' });
    expect(resolveUpdateFeed({ [UPDATE_FEED_ENV]: 'https://b.example/feed' }, () => file)).toEqual({
      url: 'https://b.example/feed',
      source: 'env',
      problem: null,
    });
    expect(resolveUpdateFeed({}, () => file)).toEqual({
      url: 'https://a.example/feed',
      source: 'file',
      problem: null,
    });
    expect(resolveUpdateFeed({}, () => '\uFEFF' + file).url).toBe('https://a.example/feed');
    expect(resolveUpdateFeed({}, () => null)).toEqual({ url: null, source: 'none', problem: null });
    expect(resolveUpdateFeed({}, () => '{}')).toEqual({ url: null, source: 'none', problem: null });
  });

  it('says why a configured feed is not used', () => {
    expect(resolveUpdateFeed({ [UPDATE_FEED_ENV]: 'http://evil.example' }, () => null).problem).toContain(
      UPDATE_FEED_ENV,
    );
    expect(resolveUpdateFeed({}, () => '{oops').problem).toContain('JSON');
    expect(resolveUpdateFeed({}, () => '{"feedUrl": 42}').problem).toContain('feedUrl');
    expect(
      resolveUpdateFeed({}, () => {
        throw new Error('EACCES');
      }).problem,
    ).toContain('EACCES');
  });

  it('reads update.json from the data dir', () => {
    const dir = tempDataDir('update');
    try {
      expect(readUpdateFile(dir)).toBeNull();
      writeFileSync(join(dir, 'update.json'), '{"feedUrl":"https://a.example"}');
      expect(readUpdateFile(dir)).toContain('a.example');
      mkdirSync(join(dir, 'sub', 'update.json'), { recursive: true });
      expect(() => readUpdateFile(join(dir, 'sub'))).toThrow();
    } finally {
      removeDir(dir);
    }
  });

  it('updates only the installed Windows app with a feed, never on Squirrel first run', () => {
    const base = {
      platform: 'win32' as const,
      isPackaged: true,
      argv: ['wecom-live.exe'],
      feedUrl: 'https://a.example',
    };
    expect(shouldAutoUpdate(base)).toBeTrue();
    expect(shouldAutoUpdate({ ...base, platform: 'linux' })).toBeFalse();
    expect(shouldAutoUpdate({ ...base, isPackaged: false })).toBeFalse();
    expect(shouldAutoUpdate({ ...base, feedUrl: null })).toBeFalse();
    expect(shouldAutoUpdate({ ...base, argv: ['wecom-live.exe', '--squirrel-firstrun'] })).toBeFalse();
  });
});

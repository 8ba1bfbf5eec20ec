import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { resolveAppAsset } from './app-protocol-paths.js';

describe('resolveAppAsset', () => {
  let root: string;
  let ui: string;

  beforeAll(() => {
    root = realpathSync(tempDataDir('app-protocol'));
    ui = join(root, 'browser');
    mkdirSync(join(ui, 'media'), { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><app-root></app-root>');
    writeFileSync(join(ui, 'main-ABC.js'), 'console.log(1)');
    writeFileSync(join(ui, 'media', 'logo.svg'), '<svg/>');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    symlinkSync(join(root, 'secret.txt'), join(ui, 'link.txt'));
  });

  afterAll(() => removeDir(root));

  it('serves the build: index.html at the root, files as they are', async () => {
    expect(await resolveAppAsset('app://wecom-live/', ui, true)).toEqual({
      kind: 'file',
      path: join(ui, 'index.html'),
    });
    expect(await resolveAppAsset('app://wecom-live/main-ABC.js', ui, false)).toEqual({
      kind: 'file',
      path: join(ui, 'main-ABC.js'),
    });
    expect(await resolveAppAsset('app://wecom-live/media/logo.svg?v=1', ui, false)).toEqual({
      kind: 'file',
      path: join(ui, 'media', 'logo.svg'),
    });
  });

  it('answers client-side routes with index.html (SPA fallback), missing assets with not found', async () => {
    const index = { kind: 'file' as const, path: join(ui, 'index.html') };
    expect(await resolveAppAsset('app://wecom-live/lives/123', ui, false)).toEqual(index);
    expect(await resolveAppAsset('app://wecom-live/settings/corps', ui, true)).toEqual(index);
    expect(await resolveAppAsset('app://wecom-live/chunk-MISSING.js', ui, false)).toEqual({
      kind: 'notFound',
    });
    expect(await resolveAppAsset('app://wecom-live/chunk-MISSING.js', ui, true)).toEqual(index);
  });

  it('never leaves the build folder', async () => {
    for (const url of [
      'app://wecom-live/%2e%2e/secret.txt',
      'app://wecom-live/..%2fsecret.txt',
      'app://wecom-live/..%5csecret.txt',
      'app://wecom-live/a%00b.js',
      'app://wecom-live/%E0%A4%A',
    ]) {
      const asset = await resolveAppAsset(url, ui, false);
      expect(asset.kind === 'file' && !asset.path.startsWith(ui))
        .withContext(url)
        .toBeFalse();
      expect(asset.kind === 'file' && asset.path.endsWith('secret.txt'))
        .withContext(url)
        .toBeFalse();
    }
    expect((await resolveAppAsset('app://wecom-live/..%2fsecret.txt', ui, false)).kind).toBe('badRequest');
    // A symlink out of the folder is not followed.
    expect(await resolveAppAsset('app://wecom-live/link.txt', ui, false)).toEqual({ kind: 'notFound' });
  });

  it('answers only the app origin, and says when there is no build yet', async () => {
    expect(await resolveAppAsset('app://other/', ui, true)).toEqual({ kind: 'notFound' });
    expect(await resolveAppAsset('https://wecom-live/', ui, true)).toEqual({ kind: 'notFound' });
    expect(await resolveAppAsset('::', ui, true)).toEqual({ kind: 'badRequest' });
    expect(await resolveAppAsset('app://wecom-live/', join(root, 'missing'), true)).toEqual({
      kind: 'notBuilt',
    });
  });
});

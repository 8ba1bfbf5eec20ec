import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { appRoot } from '../runtime/core/app-info.js';
import config, {
  ELECTRON_FUSES,
  flipFusesAfterPackage,
  ignoredInPackage,
  packagedExecutable,
} from '../../forge.config.js';

// Loads the compiled forge config, as electron-forge would; never runs Electron or `make`, which would
// try to download an Electron build.
describe('forge.config', () => {
  it('packages WeCom Live as wecom-live, in an asar archive', () => {
    const packager = config.packagerConfig ?? {};
    expect(packager.name).toBe('WeCom Live');
    expect(packager.executableName).toBe('wecom-live');
    expect(packager.asar).toBeTruthy();
  });

  it('makes a Squirrel.Windows installer for the same executable', async () => {
    const makers = config.makers ?? [];
    expect(makers.length).toBe(1);
    const squirrel = makers[0];
    expect(squirrel).toBeInstanceOf(MakerSquirrel);
    const maker = squirrel as MakerSquirrel;
    expect(maker.name).toBe('squirrel');
    expect(maker.defaultPlatforms).toEqual(['win32']);
    await maker.prepareConfig('x64');
    expect(maker.config.exe).toBe('wecom-live.exe');
    expect(maker.config.name).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('puts only package.json, the build and production modules into the app', () => {
    for (const kept of [
      '',
      '/package.json',
      '/dist',
      '/dist/host/electron/main.js',
      '/dist/ui/browser/index.html',
      '/node_modules/knex/package.json',
    ]) {
      expect(ignoredInPackage(kept)).withContext(kept).toBeFalse();
    }
    for (const left of [
      '/host',
      '/host/electron/main.ts',
      '/docs',
      '/test-output',
      '/forge.config.ts',
      '/dist/tests',
      '/dist/tests/e2e/x.js',
      '/dist/bench/run.js',
      '/dist/host/electron/testing/fake-electron.js',
      '/dist/host/runtime/rpc/ipc-router.spec.js',
      '/dist/forge.config.js',
    ]) {
      expect(ignoredInPackage(left)).withContext(left).toBeTrue();
    }
  });

  it("has package.json's main pointing at the built Electron main, with its preload beside it", () => {
    const root = appRoot();
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string };
    expect(manifest.main).toBe('dist/host/electron/main.js');
    expect(existsSync(join(root, manifest.main ?? '?'))).toBeTrue();
    expect(existsSync(join(root, 'dist', 'host', 'electron', 'preload.cjs'))).toBeTrue();
  });

  it('sets the Electron fuses after packaging: no RunAsNode, NODE_OPTIONS or inspect; asar integrity; cookie encryption', () => {
    expect(ELECTRON_FUSES).toEqual(
      jasmine.objectContaining({
        RunAsNode: false,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableEmbeddedAsarIntegrityValidation: true,
        OnlyLoadAppFromAsar: true,
        EnableCookieEncryption: true,
      }),
    );
    expect(typeof config.hooks?.postPackage).toBe('function');
    expect(packagedExecutable(join('out', 'x'), 'win32')).toBe(join('out', 'x', 'wecom-live.exe'));
  });

  it('flips the fuses in a packaged binary: the wire after the sentinel, as Electron reads it', async () => {
    // A stand-in for wecom-live.exe: some bytes, Electron's fuse sentinel, wire version 1, nine fuses,
    // all enabled ('1') as a stock Electron ships them, then more bytes.
    const dir = mkdtempSync(join(tmpdir(), 'wecom-live-fuses-'));
    try {
      const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
      const wire = Buffer.from('111111111');
      const binary = Buffer.concat([
        Buffer.alloc(64, 7),
        sentinel,
        Buffer.from([1, wire.length]),
        wire,
        Buffer.alloc(64, 7),
      ]);
      writeFileSync(join(dir, 'wecom-live.exe'), binary);
      await flipFusesAfterPackage(null, { platform: 'win32', outputPaths: [dir] });
      const flipped = readFileSync(join(dir, 'wecom-live.exe'));
      const at = flipped.indexOf(sentinel) + sentinel.length + 2;
      // By @electron/fuses' FuseV1Options order: RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect,
      // asar integrity, only asar, browser V8 snapshot (inherited), file:// privileges, wasm trap handlers.
      expect(flipped.subarray(at, at + wire.length).toString()).toBe('010011101');
      expect(flipped.length).toBe(binary.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../serve/http-responses.js';
import { DataDirLock } from '../runtime/storage/data-dir-lock.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { SAFE_STORAGE_WRAPPER_NAME } from './safe-storage-key-wrapper.js';
import { WINDOW_SESSION_PLACEHOLDER } from './session-binding.js';
import { FAKE_SAFE_STORAGE_PREFIX } from './testing/fake-electron.js';

const here = dirname(fileURLToPath(import.meta.url));

interface Smoke {
  exitCode: number;
  [key: string]: unknown;
}

/** Runs the built main process under Node with the fake `electron` module (testing/electron-smoke.ts). */
function runMain(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ smoke: Smoke; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', join(here, 'testing', 'electron-smoke.js'), join(here, 'main.js'), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WECOM_API_BASE: '', ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => {
      const line = stdout.split('\n').find((text) => text.startsWith('SMOKE '));
      if (line === undefined) reject(new Error(`no smoke report; stderr: ${stderr.slice(0, 2000)}`));
      else resolve({ smoke: JSON.parse(line.slice('SMOKE '.length)) as Smoke, stderr });
    });
  });
}

function code(result: unknown): string {
  const envelope = result as { ok: boolean; error?: { code: string } };
  return envelope.ok ? 'ok' : (envelope.error?.code ?? '?');
}

describe('Electron main process (under Node, with a fake electron module)', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = tempDataDir('electron-main')));
  afterEach(() => removeDir(dataDir));
  // Each spec starts the main process (and a runtime) once or twice: generous on a busy 2-core machine.
  const PROCESS_SPEC_MS = 90_000;

  it(
    'starts the runtime on the data dir, opens a locked-down window, answers IPC and shuts down cleanly',
    async () => {
      const { smoke, stderr } = await runMain(['--data-dir', dataDir]);
      expect(smoke['driveError']).withContext(stderr).toBeUndefined();
      expect(smoke.exitCode).toBe(0);
      expect(smoke['problems']).toEqual([]);
      expect(smoke['userData']).toBe(dataDir);
      expect(smoke['privilegedSchemes']).toEqual([
        {
          scheme: 'app',
          privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
        },
      ]);
      expect(smoke['loadedUrls']).toEqual(['app://wecom-live/']);
      const options = smoke['windowOptions'] as { webPreferences: Record<string, unknown> };
      expect(options.webPreferences).toEqual(
        jasmine.objectContaining({
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
        }),
      );
      expect(String(options.webPreferences['preload'])).toBe(join(here, 'preload.cjs'));
      expect(existsSync(String(options.webPreferences['preload']))).toBeTrue();

      // IPC: only the main frame of our window on app:// is answered.
      expect(code(smoke['status'])).toBe('ok');
      for (const refused of ['fromIframe', 'fromOtherOrigin', 'fromOtherContents', 'fromGoneFrame']) {
        expect(code(smoke[refused])).withContext(refused).toBe('FORBIDDEN');
      }
      expect(code(smoke['setup'])).toBe('ok');
      const login = smoke['login'] as { ok: boolean; data: { session: string; user: { tier: string } } };
      expect(login.data.session).toBe(WINDOW_SESSION_PLACEHOLDER);
      expect(login.data.user.tier).toBe('root-admin');
      expect(code(smoke['about'])).toBe('ok');
      expect(smoke['pickOpenCancelled']).toEqual({ ok: true, data: null });

      expect(smoke['page']).toEqual(
        jasmine.objectContaining({
          status: 200,
          type: 'text/html; charset=utf-8',
          csp: CONTENT_SECURITY_POLICY,
        }),
      );
      expect(smoke['windowOpen']).toEqual({ action: 'deny' });
      expect(smoke['navigation']).toEqual({
        awayBlocked: true,
        insideBlocked: false,
        webviewBlocked: true,
        openedExternally: ['https://work.weixin.qq.com/wework_admin', 'https://evil.example/'],
      });
      expect(smoke['permissions']).toEqual({ clipboardWrite: true, media: false, foreignClipboard: false });
      expect(smoke['shown']).toBe(1);

      // Quit: before-quit waited for the runtime to stop, then quit again; the data-dir lock is free.
      expect(smoke['quitRequests']).toBe(2);
      expect(smoke['ipcHandlersLeft']).toEqual([]);
      DataDirLock.acquire(dataDir).release();
    },
    PROCESS_SPEC_MS,
  );

  it(
    'protects the vault key with safeStorage, and keeps it sealed when safeStorage is gone later',
    async () => {
      const first = await runMain(['--data-dir', dataDir]);
      expect(first.smoke.exitCode).withContext(first.stderr).toBe(0);
      const keyPath = join(dataDir, 'vault.key');
      const keyFile = readFileSync(keyPath, 'utf8');
      const parsed = JSON.parse(keyFile) as { wrappedBy: string; key: string };
      expect(parsed.wrappedBy).toBe(SAFE_STORAGE_WRAPPER_NAME);
      expect(Buffer.from(parsed.key, 'base64').toString('latin1')).toContain(FAKE_SAFE_STORAGE_PREFIX);
      expect(first.smoke['dialogs']).toEqual([]);

      // The same folder on a machine whose keyring is locked: the app opens, says why the saved secrets
      // cannot be read, and leaves the key file exactly as it was.
      const locked = await runMain(['--data-dir', dataDir], { WECOM_LIVE_FAKE_SAFE_STORAGE: 'unavailable' });
      expect(locked.smoke.exitCode).withContext(locked.stderr).toBe(0);
      expect(locked.smoke['loadedUrls']).toEqual(['app://wecom-live/']);
      const [box] = locked.smoke['dialogs'] as {
        kind: string;
        type: string;
        message: string;
        detail: string;
      }[];
      expect(box).toEqual(
        jasmine.objectContaining({ kind: 'message', type: 'warning', message: '无法读取已保存的应用Secret' }),
      );
      expect(box?.detail).toContain('系统密钥保管');
      expect(readFileSync(keyPath, 'utf8')).toBe(keyFile);
    },
    PROCESS_SPEC_MS,
  );

  it('--reset-root resets on the data dir without opening a window, and says so in a message box', async () => {
    const { smoke } = await runMain(['--reset-root', '--data-dir', dataDir]);
    expect(smoke.exitCode).toBe(0);
    expect(smoke['loadedUrls']).toEqual([]);
    const [box] = smoke['dialogs'] as { kind: string; detail: string }[];
    expect(box?.kind).toBe('message');
    expect(box?.detail).toContain('无需重置');
  });

  it('refuses an unusable command line with a message box', async () => {
    const { smoke } = await runMain(['--data-dir', dataDir, '--wecom-base-url', 'ftp://x']);
    expect(smoke.exitCode).toBe(2);
    expect(smoke['loadedUrls']).toEqual([]);
    const [box] = smoke['dialogs'] as { kind: string; content: string }[];
    expect(box?.kind).toBe('error');
    expect(box?.content).toContain('http');
  });
});

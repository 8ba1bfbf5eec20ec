import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostRuntime } from '../runtime/core/host-runtime.js';
import { removeDir, sessionFor, startRuntime, tempDataDir } from '../../tests/support/runtime-harness.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { NativeFiles, type FileDialogs } from './native-files.js';
import { SessionBinding, WINDOW_SESSION_PLACEHOLDER } from './session-binding.js';
import { WindowRpc } from './window-rpc.js';

const PASSWORD = 'Electron2026';

function data<T>(result: RpcResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function code(result: RpcResult): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('WindowRpc (Electron IPC over a real runtime)', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let binding: SessionBinding;
  let rpc: WindowRpc;
  let picked: string | null;
  let saveTarget: string | null;
  let dialogCalls: string[];

  const dialogs: FileDialogs = {
    pickOpen: (windowId, options) => {
      dialogCalls.push(`open:${windowId}:${options.filters.map((f) => f.extensions.join(',')).join(';')}`);
      return Promise.resolve(picked);
    },
    saveAs: (windowId, options) => {
      dialogCalls.push(`save:${windowId}:${options.defaultName}`);
      return Promise.resolve(saveTarget);
    },
  };

  beforeAll(async () => {
    dataDir = tempDataDir('electron-rpc');
    runtime = await startRuntime(dataDir);
    data(await runtime.router.dispatch('auth.setupRoot', { password: PASSWORD }, null));
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  beforeEach(() => {
    binding = new SessionBinding();
    rpc = new WindowRpc(runtime, binding, new NativeFiles(runtime, dialogs));
    picked = null;
    saveTarget = null;
    dialogCalls = [];
  });

  async function loginRoot(windowId: number): Promise<{ session: string; user: { tier: string } }> {
    return data(await rpc.call(windowId, 'auth.login', { kind: 'root', password: PASSWORD }));
  }

  /** Binds a fresh session of the tier to the window, as a login would (without scrypt's cost). */
  async function bindAs(windowId: number, tier: 'user' | 'root-admin'): Promise<string> {
    const token = await sessionFor(runtime, tier);
    const call = await runtime.sessions.resolve(token);
    if (call.sessionId === null || call.user === null) throw new Error('session did not resolve');
    binding.bind(windowId, { token, sessionId: call.sessionId, user: call.user, corpId: null });
    return call.user.userid;
  }

  it('binds the login session to the window; the renderer gets only a placeholder', async () => {
    const answer = await loginRoot(1);
    expect(answer.session).toBe(WINDOW_SESSION_PLACEHOLDER);
    expect(answer.user.tier).toBe('root-admin');
    const bound = binding.get(1);
    expect(bound?.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(bound?.user.tier).toBe('root-admin');
    expect(JSON.stringify(answer)).not.toContain(bound?.token ?? '?');
    // The bound session goes with every call of that window, and only that window.
    expect(code(await rpc.call(1, 'host.about', {}))).toBe('ok');
    expect(code(await rpc.call(2, 'host.about', {}))).toBe('UNAUTHENTICATED');
  });

  it('unbinds on logout', async () => {
    await bindAs(1, 'root-admin');
    expect(code(await rpc.call(1, 'auth.logout', {}))).toBe('ok');
    expect(binding.get(1)).toBeNull();
    expect(code(await rpc.call(1, 'host.about', {}))).toBe('UNAUTHENTICATED');
  });

  it('ends the session a new login in the same window replaces', async () => {
    await bindAs(1, 'root-admin');
    const first = binding.get(1);
    await loginRoot(1);
    expect(binding.get(1)?.token).not.toBe(first?.token);
    expect(await runtime.sessions.isActive(first?.sessionId ?? '')).toBeFalse();
  });

  it('drops the binding when the host says the session has ended', async () => {
    await bindAs(1, 'root-admin');
    await runtime.sessions.end(binding.get(1)?.sessionId ?? '');
    expect(code(await rpc.call(1, 'host.about', {}))).toBe('UNAUTHENTICATED');
    expect(binding.get(1)).toBeNull();
  });

  it('keeps the binding when a login fails', async () => {
    await bindAs(1, 'root-admin');
    const before = binding.get(1);
    expect(code(await rpc.call(1, 'auth.login', { kind: 'root', password: 'Wrong0000' }))).not.toBe('ok');
    expect(binding.get(1)).toBe(before);
  });

  it('keeps the binding when UNAUTHENTICATED answers a wrong secret, not an ended session', async () => {
    await bindAs(1, 'root-admin');
    const before = binding.get(1);
    const wrong = await rpc.call(1, 'auth.recoverRoot', {
      recoveryCode: 'WRONG',
      newPassword: 'Lantern-Mosaic-93',
    });
    expect(code(wrong)).withContext(JSON.stringify(wrong)).toBe('UNAUTHENTICATED');
    expect(binding.get(1)).toBe(before);
  });

  it('answers what JSON carries, as HTTP would', async () => {
    const answering = (data: unknown): WindowRpc =>
      new WindowRpc(
        {
          router: { dispatch: () => Promise.resolve({ ok: true, data }) },
          sessions: runtime.sessions,
          log: runtime.log,
        } as unknown as HostRuntime,
        binding,
        new NativeFiles(runtime, dialogs),
      );
    expect(await answering({ at: new Date(0), gone: undefined }).call(1, 'x.y', {})).toEqual({
      ok: true,
      data: { at: '1970-01-01T00:00:00.000Z' },
    });
    expect(code(await answering(1n).call(1, 'x.y', {}))).toBe('INTERNAL');
  });

  it('refuses malformed channels and oversized or unserialisable input', async () => {
    expect(code(await rpc.call(1, 42, {}))).toBe('NOT_FOUND');
    expect(code(await rpc.call(1, '../x', {}))).toBe('NOT_FOUND');
    expect(code(await rpc.call(1, 'nochannel', {}))).toBe('NOT_FOUND');
    expect(code(await rpc.call(1, 'host.status', { blob: 'x'.repeat(1024 * 1024 + 1) }))).toBe(
      'INVALID_INPUT',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(code(await rpc.call(1, 'host.status', cyclic))).toBe('INVALID_INPUT');
    expect(data<{ firstRun: boolean }>(await rpc.call(1, 'host.status', undefined)).firstRun).toBeFalse();
  });

  describe('files.pickOpen', () => {
    it('needs a login before any dialog opens', async () => {
      expect(code(await rpc.call(1, 'files.pickOpen', {}))).toBe('UNAUTHENTICATED');
      expect(dialogCalls).toEqual([]);
    });

    it('copies the chosen file into the uploads, owned by the user', async () => {
      await bindAs(3, 'root-admin');
      picked = join(dataDir, '签到表.xlsx');
      writeFileSync(picked, 'workbook bytes');
      const file = data<{ fileId: string; name: string; size: number }>(
        await rpc.call(3, 'files.pickOpen', { extensions: ['XLSX', 'xls'], filterName: 'Excel 工作簿' }),
      );
      expect(dialogCalls).toEqual(['open:3:xlsx,xls']);
      expect(file.name).toBe('签到表.xlsx');
      expect(file.size).toBe(14);
      const call = await runtime.sessions.resolve(binding.tokenOf(3) ?? '');
      const stored = await runtime.files.get(file.fileId, call);
      expect(stored.ownerUserid).toBe(call.user?.userid ?? '?');
      expect(readFileSync(stored.path, 'utf8')).toBe('workbook bytes');
    });

    it('answers null when the user cancels', async () => {
      await bindAs(3, 'root-admin');
      expect(data(await rpc.call(3, 'files.pickOpen', {}))).toBeNull();
    });

    it('applies the upload size cap and validates its input', async () => {
      const small = new WindowRpc(
        runtime,
        binding,
        new NativeFiles({ ...pick(runtime), settings: { ...runtime.settings, uploadMaxBytes: 4 } }, dialogs),
      );
      await bindAs(3, 'root-admin');
      picked = join(dataDir, 'big.txt');
      writeFileSync(picked, '12345');
      const tooBig = await small.call(3, 'files.pickOpen', {});
      expect(tooBig.ok ? null : tooBig.error.details).toEqual({ field: 'file', maxBytes: 4 });
      const bad = await rpc.call(3, 'files.pickOpen', { extensions: ['../x'] });
      expect(bad.ok ? null : bad.error.details).toEqual({ field: 'extensions.0' });
      picked = join(dataDir, 'missing.txt');
      expect(code(await rpc.call(3, 'files.pickOpen', {}))).toBe('INVALID_INPUT');
    });
  });

  describe('files.saveAs', () => {
    async function exportFor(userid: string | null, content: string): Promise<string> {
      const stored = await runtime.files.createExport('直播列表.xlsx', userid, null);
      writeFileSync(stored.path, content);
      await runtime.files.finalize(stored.fileId);
      return stored.fileId;
    }

    it('copies a stored file the session may read to the chosen path', async () => {
      const own = await bindAs(4, 'root-admin');
      const fileId = await exportFor(own, 'export bytes');
      saveTarget = join(dataDir, 'saved.xlsx');
      expect(data(await rpc.call(4, 'files.saveAs', { fileId }))).toEqual({
        path: saveTarget,
        name: 'saved.xlsx',
      });
      expect(dialogCalls).toEqual(['save:4:直播列表.xlsx']);
      expect(readFileSync(saveTarget, 'utf8')).toBe('export bytes');
      saveTarget = null;
      expect(data(await rpc.call(4, 'files.saveAs', { fileId }))).toBeNull();
    });

    it('proposes the suggested name, made safe and with the stored extension', async () => {
      const own = await bindAs(4, 'root-admin');
      const fileId = await exportFor(own, 'x');
      for (const defaultName of ['审计日志 2026-11', '../审计:日志.xlsx', '   ']) {
        expect(data(await rpc.call(4, 'files.saveAs', { fileId, defaultName }))).toBeNull();
      }
      expect(dialogCalls).toEqual([
        'save:4:审计日志 2026-11.xlsx',
        'save:4:审计_日志.xlsx',
        'save:4:直播列表.xlsx',
      ]);
    });

    it("refuses another user's file to a plain user, before any dialog", async () => {
      await bindAs(5, 'user');
      const fileId = await exportFor('someone-else', 'x');
      saveTarget = join(dataDir, 'nope.xlsx');
      expect(code(await rpc.call(5, 'files.saveAs', { fileId }))).toBe('NOT_FOUND');
      expect(code(await rpc.call(5, 'files.saveAs', {}))).toBe('INVALID_INPUT');
      expect(dialogCalls).toEqual([]);
    });

    it('says so when the target cannot be written', async () => {
      const own = await bindAs(4, 'root-admin');
      const fileId = await exportFor(own, 'x');
      saveTarget = join(dataDir, 'no-such-folder', 'x.xlsx');
      const result = await rpc.call(4, 'files.saveAs', { fileId });
      expect(result.ok ? null : result.error.details).toEqual({ field: 'path' });
    });
  });
});

function pick(runtime: HostRuntime): Pick<HostRuntime, 'sessions' | 'files'> {
  return { sessions: runtime.sessions, files: runtime.files };
}

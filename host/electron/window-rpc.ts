import { randomUUID } from 'node:crypto';
import { isAppError } from '../../sdk/contracts/errors.js';
import { fail, ok, type RpcResult } from '../../sdk/contracts/rpc.js';
import type { ElectronRuntime } from './electron-runtime.js';
import { isNativeFileChannel, type NativeFiles } from './native-files.js';
import { WINDOW_SESSION_PLACEHOLDER, type SessionBinding, type WindowSession } from './session-binding.js';
import { AUTH_LOGIN, AUTH_LOGOUT } from '../../sdk/contracts/auth-channels.js';

/** Largest RPC input, as over HTTP; files go through the native dialogs. */
export const RPC_INPUT_MAX_BYTES = 1024 * 1024;

const CHANNEL = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/**
 * The input as HTTP would deliver it (JSON's view of what the renderer sent) and its size, or null when
 * it cannot be serialised (a cycle, a BigInt): validation then sees the same values in both modes.
 */
function fromWire(input: unknown): { value: unknown; bytes: number } | null {
  try {
    const text = JSON.stringify(input ?? {});
    return { value: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
  } catch {
    return null;
  }
}

/**
 * The answer as it would travel over HTTP: JSON's view of it (dates as ISO strings, no undefined
 * members, no class instances), so the UI sees the same data in both modes and the IPC clone never
 * meets something it cannot copy.
 */
export function toWire(result: RpcResult): RpcResult {
  try {
    return JSON.parse(JSON.stringify(result)) as RpcResult;
  } catch {
    return fail({ code: 'INTERNAL', message: '内部错误：结果无法传送给界面，请联系管理员查看日志。' });
  }
}

function isLoginAnswer(data: unknown): data is { session: string } & Record<string, unknown> {
  return (
    typeof data === 'object' && data !== null && typeof (data as { session?: unknown }).session === 'string'
  );
}

/**
 * One RPC call from a window (`ipcMain.handle('rpc', ...)` after the sender check): the window's
 * session, held here in the main process, goes with every call; `auth.login` binds a new one (the
 * renderer gets a placeholder, never the bearer value), `auth.logout` and an ended session unbind it.
 * The answer is the envelope of docs/architecture.md "RPC and errors", exactly as browser mode's /rpc.
 */
export class WindowRpc {
  constructor(
    private readonly runtime: Pick<ElectronRuntime, 'router' | 'sessions' | 'log'>,
    private readonly binding: SessionBinding,
    private readonly nativeFiles: NativeFiles,
  ) {}

  async call(windowId: number, channel: unknown, input: unknown): Promise<RpcResult> {
    if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
      const shown = String(channel).slice(0, 100);
      return fail({ code: 'NOT_FOUND', message: `接口不存在：${shown}`, details: { channel: shown } });
    }
    const wire = fromWire(input);
    if (wire === null || wire.bytes > RPC_INPUT_MAX_BYTES) {
      return fail(
        wire === null
          ? { code: 'INVALID_INPUT', message: '请求内容无法识别。', details: { field: '(输入)' } }
          : {
              code: 'INVALID_INPUT',
              message: '请求内容过大（上限 1 MB）。',
              details: { field: '(输入)', maxBytes: RPC_INPUT_MAX_BYTES },
            },
      );
    }
    const bound = this.binding.get(windowId);
    const token = bound?.token ?? null;
    const result = isNativeFileChannel(channel)
      ? await this.guarded(channel, () => this.nativeFiles.call(channel, windowId, token, wire.value))
      : await this.runtime.router.dispatch(channel, wire.value, token);
    return toWire(await this.afterCall(windowId, channel, bound, result));
  }

  /** Forgets a closed window's session binding. */
  forget(windowId: number): void {
    this.binding.clear(windowId);
  }

  private async afterCall(
    windowId: number,
    channel: string,
    bound: WindowSession | null,
    result: RpcResult,
  ): Promise<RpcResult> {
    if (result.ok) {
      if (channel === AUTH_LOGIN.name && isLoginAnswer(result.data))
        return this.bindLogin(windowId, result.data);
      if (channel === AUTH_LOGOUT.name && bound !== null) this.binding.clear(windowId, bound.token);
      return result;
    }
    // UNAUTHENTICATED also answers a wrong old password or recovery code while the session lives on:
    // unbind only when the session itself has ended (idle, logout elsewhere, password reset).
    if (result.error.code === 'UNAUTHENTICATED' && bound !== null) {
      const active = await this.runtime.sessions.isActive(bound.sessionId).catch(() => true);
      if (!active) this.binding.clear(windowId, bound.token);
    }
    return result;
  }

  private async bindLogin(
    windowId: number,
    data: { session: string } & Record<string, unknown>,
  ): Promise<RpcResult> {
    return this.guarded(AUTH_LOGIN.name, async () => {
      const call = await this.runtime.sessions.resolve(data.session);
      if (call.sessionId === null || call.user === null) throw new Error('login session did not resolve');
      const previous = this.binding.bind(windowId, {
        token: data.session,
        sessionId: call.sessionId,
        user: call.user,
        corpId: call.corp?.corpId ?? null,
      });
      // The replaced session's bearer value is gone with it: end it rather than leave it to idle out.
      if (previous !== null && previous.sessionId !== call.sessionId) {
        await this.runtime.sessions.end(previous.sessionId).catch((error: unknown) => {
          this.runtime.log.warn({ err: error }, 'electron: ending the replaced session failed');
        });
      }
      return { ...data, session: WINDOW_SESSION_PLACEHOLDER };
    });
  }

  /** Runs main-process work with the router's error rules: AppErrors as they are, anything else INTERNAL. */
  private async guarded(channel: string, work: () => Promise<unknown>): Promise<RpcResult> {
    try {
      return ok(await work());
    } catch (error) {
      if (isAppError(error)) return fail(error.toBody());
      const errorId = randomUUID().slice(0, 8);
      this.runtime.log.error({ err: error, channel, errorId }, 'electron: main-process channel failed');
      return fail({
        code: 'INTERNAL',
        message: `内部错误（编号 ${errorId}），请稍后重试或联系管理员查看日志。`,
      });
    }
  }
}

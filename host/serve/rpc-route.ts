import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from './json-body.js';
import { sendEnvelope, sendError } from './http-responses.js';
import { sessionHeader } from './request-guards.js';
import type { ServeContext } from './serve-context.js';
import { AUTH_LOGOUT, AUTH_RECOVER_ROOT } from '../../sdk/contracts/auth-channels.js';

/** Largest RPC input; files go through /upload. */
export const RPC_BODY_MAX_BYTES = 1024 * 1024;

const CHANNEL = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

// Calls after which an open event stream's session may have ended.
const SESSION_ENDING_CHANNELS = new Set<string>([AUTH_LOGOUT.name, AUTH_RECOVER_ROOT.name]);

/** `POST /rpc/<channel>`: the JSON body is the input; the answer is the RPC envelope with status 200. */
export async function handleRpc(
  ctx: ServeContext,
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
): Promise<void> {
  const body = await readJsonBody(req, RPC_BODY_MAX_BYTES);
  if (body.kind === 'aborted') return;
  if (body.kind === 'tooLarge') {
    sendError(res, 413, 'INVALID_INPUT', '请求内容过大（上限 1 MB）。', { maxBytes: RPC_BODY_MAX_BYTES });
    return;
  }
  if (body.kind === 'invalid') {
    sendEnvelope(res, {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。', details: { field: '(输入)' } },
    });
    return;
  }
  if (!CHANNEL.test(channel)) {
    const shown = channel.slice(0, 100);
    sendEnvelope(res, {
      ok: false,
      error: { code: 'NOT_FOUND', message: `接口不存在：${shown}`, details: { channel: shown } },
    });
    return;
  }
  const result = await ctx.runtime.router.dispatch(channel, body.value, sessionHeader(req));
  sendEnvelope(res, result);
  if (result.ok && SESSION_ENDING_CHANNELS.has(channel)) await ctx.streams.sweep();
}

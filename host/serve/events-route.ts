import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '../../sdk/contracts/errors.js';
import { fail } from '../../sdk/contracts/rpc.js';
import { sendEnvelope, sendError } from './http-responses.js';
import { sessionHeader } from './request-guards.js';
import type { ServeContext } from './serve-context.js';

/** `POST /events/ticket` (server token + X-Session): a single-use ticket bound to that session. */
export async function handleEventTicket(
  ctx: ServeContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  req.resume();
  const token = sessionHeader(req);
  if (token === null) {
    sendEnvelope(res, fail({ code: 'UNAUTHENTICATED', message: '请先登录。' }));
    return;
  }
  try {
    const call = await ctx.runtime.sessions.resolve(token);
    if (call.sessionId === null || call.user === null) {
      sendEnvelope(res, fail({ code: 'UNAUTHENTICATED', message: '请先登录。' }));
      return;
    }
    const ticket = ctx.tickets.issue({
      sessionId: call.sessionId,
      user: call.user,
      corpId: call.corp?.corpId ?? null,
    });
    sendEnvelope(res, { ok: true, data: { ticket } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendEnvelope(res, fail(error.toBody()));
  }
}

/** `GET /events?ticket=...`: the Server-Sent Events stream of the ticket's session. */
export async function handleEventStream(ctx: ServeContext, res: ServerResponse, url: URL): Promise<void> {
  const owner = ctx.tickets.redeem(url.searchParams.get('ticket') ?? '');
  if (owner === null || !(await ctx.runtime.sessions.isActive(owner.sessionId))) {
    sendError(res, 401, 'UNAUTHENTICATED', '事件凭证无效、已使用或已过期，请重新获取。');
    return;
  }
  ctx.streams.open(res, owner);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from './context.js';
import { errorBody, formatErrmsg, WecomApiError } from './errors.js';
import type { Fault } from './faults.js';
import { clientIp, readBody, sendJson, sleep } from './http-util.js';
import { API_ROUTES } from './routes/index.js';
import type { ApiAnswer, ApiCall } from './routes/route.js';

/**
 * One /cgi-bin call: counted, delayed by the configured latency, then an armed fault (before or after
 * processing), the rate limits, the access_token check and the route. WeCom answers HTTP 200 with an
 * errcode for every outcome, so this does too.
 */
export async function handleWecomCall(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: SimContext,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const api = url.pathname.replace(/^\/cgi-bin\//, '');
  const done = ctx.counters.begin(api);
  res.on('finish', done);
  res.on('close', done);

  const { body, tooLarge } = await readBody(req);
  const call: ApiCall = {
    api,
    method: req.method ?? 'GET',
    query: url.searchParams,
    headers: req.headers,
    rawBody: body,
    ip: clientIp(req),
  };
  await sleep(ctx.config.latencyMs);

  const fault = ctx.faults.take(api);
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault && !fault.afterProcessing && (fault.drop || fault.errcode !== undefined)) {
    answerWithFault(req, res, call, fault, ctx);
    return;
  }

  let answer: ApiAnswer;
  if (!ctx.limiter.tryAcquire(api, ctx.config.rateLimits)) {
    ctx.counters.countRateLimited();
    answer = { ...errorBody(45009, call.ip), ...API_ROUTES.get(api)?.errorDefaults };
  } else if (tooLarge) {
    answer = errorBody(api === 'media/upload' ? 45001 : 47001, call.ip);
  } else {
    answer = await process(call, ctx);
  }

  if (fault?.afterProcessing) {
    if (fault.answerDelayMs) await sleep(fault.answerDelayMs);
    if (!fault.drop && fault.errcode === undefined && fault.answerDelayMs) {
      // Processed, answered late: the caller has timed out by then (the write happened all the same).
      if (!res.destroyed) sendJson(res, 200, answer);
      return;
    }
    // The ambiguous case: the write happened, the caller learns nothing reliable about it.
    answerWithFault(req, res, call, fault, ctx);
    return;
  }
  sendJson(res, 200, answer);
}

async function process(call: ApiCall, ctx: SimContext): Promise<ApiAnswer> {
  const route = API_ROUTES.get(call.api);
  if (!route) return errorBody(48001, call.ip);
  const defaults = route.errorDefaults ?? {};
  try {
    if (route.auth) {
      const check = ctx.tokens.check(call.query.get('access_token'), ctx.clock.now());
      if (check === 'missing') throw new WecomApiError(41001);
      if (check === 'invalid') throw new WecomApiError(40014);
      if (check === 'expired') throw new WecomApiError(42001);
    }
    ctx.state.catchUp(ctx.clock.now());
    return await route.handle(call, ctx);
  } catch (error) {
    if (error instanceof WecomApiError) {
      return { ...errorBody(error.errcode, call.ip, error.text), ...defaults, ...error.extra };
    }
    // A simulator bug must not look like a WeCom answer a client would act on: -1 is "system busy".
    console.error('[wecom-sim] route failed', call.api, error);
    return { ...errorBody(-1, call.ip), ...defaults };
  }
}

function answerWithFault(
  req: IncomingMessage,
  res: ServerResponse,
  call: ApiCall,
  fault: Fault,
  ctx: SimContext,
): void {
  if (fault.drop) {
    req.socket.destroy();
    return;
  }
  const errcode = fault.errcode ?? -1;
  const ip = fault.ip ?? (errcode === 60020 ? ctx.state.data.publicIp : call.ip);
  const errmsg = fault.errmsg ?? formatErrmsg(errcode, ip);
  sendJson(res, 200, { errcode, errmsg, ...API_ROUTES.get(call.api)?.errorDefaults });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimContext } from './context.js';
import { readBody, sendJson } from './http-util.js';
import { liveStatus, livingInfo } from './live-status.js';

const resetSchema = z.object({ seed: z.number().int().optional() });
const clockSchema = z.object({
  now: z.number().int().nonnegative().optional(),
  advanceSeconds: z.number().optional(),
  frozen: z.boolean().optional(),
});
const faultSchema = z.object({
  api: z.string().min(1),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  delayMs: z.number().int().nonnegative().optional(),
  drop: z.boolean().optional(),
  times: z.number().int().positive().optional(),
  probability: z.number().gt(0).lte(1).optional(),
  afterProcessing: z.boolean().optional(),
  answerDelayMs: z.number().int().nonnegative().optional(),
});
const limitSchema = z.number().int().positive().nullable().optional();
const configSchema = z.object({
  tokenTtlSeconds: z.number().int().positive().optional(),
  latencyMs: z.number().int().nonnegative().optional(),
  rateLimits: z.object({ perApiPerMinute: limitSchema, perCorpPerMinute: limitSchema }).optional(),
  statInviterNames: z.boolean().optional(),
});
const departSchema = z.object({ userid: z.string().min(1) });
const tokensSchema = z.object({ action: z.enum(['expire', 'invalidate']) });

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The control API under /__sim (JSON in, JSON out) that tests and the gateway's specs drive: reset,
 * clock, faults, config, token revocation, counters, and a navigable view of the data.
 */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, ctx: SimContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '');
  const method = req.method ?? 'GET';
  try {
    const { body } = await readBody(req, 1024 * 1024);
    const input = (): unknown => parseJson(body);
    sendJson(res, 200, route(method, path, input, ctx));
  } catch (error) {
    if (error instanceof AdminError) sendJson(res, error.status, { ok: false, error: error.message });
    else if (error instanceof z.ZodError) sendJson(res, 400, { ok: false, error: z.prettifyError(error) });
    else {
      console.error('[wecom-sim] admin failed', path, error);
      sendJson(res, 500, { ok: false, error: 'internal error' });
    }
  }
}

function route(method: string, path: string, input: () => unknown, ctx: SimContext): unknown {
  const key = `${method} ${path}`;
  switch (key) {
    case 'POST /__sim/reset':
      return reset(ctx, resetSchema.parse(input()).seed);
    case 'GET /__sim/clock':
      return clockView(ctx);
    case 'POST /__sim/clock': {
      const change = clockSchema.parse(input());
      if (change.frozen !== undefined) ctx.clock.setFrozen(change.frozen);
      if (change.now !== undefined) ctx.clock.set(change.now);
      if (change.advanceSeconds !== undefined) ctx.clock.advance(Math.round(change.advanceSeconds));
      return clockView(ctx);
    }
    case 'GET /__sim/faults':
      return { ok: true, faults: ctx.faults.pending() };
    case 'POST /__sim/faults': {
      const fault = ctx.faults.add(faultSchema.parse(input()));
      return { ok: true, id: fault.id, faults: ctx.faults.pending() };
    }
    case 'DELETE /__sim/faults':
      ctx.faults.clear();
      return { ok: true };
    case 'GET /__sim/config':
      return { ok: true, config: ctx.config };
    case 'POST /__sim/config': {
      const change = configSchema.parse(input());
      if (change.tokenTtlSeconds !== undefined) ctx.config.tokenTtlSeconds = change.tokenTtlSeconds;
      if (change.latencyMs !== undefined) ctx.config.latencyMs = change.latencyMs;
      if (change.statInviterNames !== undefined) ctx.config.statInviterNames = change.statInviterNames;
      const limits = change.rateLimits;
      if (limits?.perApiPerMinute !== undefined)
        ctx.config.rateLimits.perApiPerMinute = limits.perApiPerMinute;
      if (limits?.perCorpPerMinute !== undefined)
        ctx.config.rateLimits.perCorpPerMinute = limits.perCorpPerMinute;
      return { ok: true, config: ctx.config };
    }
    case 'POST /__sim/tokens': {
      const { action } = tokensSchema.parse(input());
      const now = ctx.clock.now();
      const affected = action === 'expire' ? ctx.tokens.expireAll(now) : ctx.tokens.invalidateAll(now);
      return { ok: true, affected };
    }
    case 'GET /__sim/counters':
      return ctx.counters.snapshot();
    case 'POST /__sim/counters/reset':
      ctx.counters.reset();
      return { ok: true };
    case 'GET /__sim/data':
      return dataSummary(ctx);
    case 'GET /__sim/messages':
      return {
        ok: true,
        messages: ctx.state.messages,
        delivered: ctx.state.messages.reduce((sum, message) => sum + message.delivered.length, 0),
        duplicatesSuppressed: ctx.state.duplicatesSuppressed,
      };
    case 'POST /__sim/members/depart': {
      const { userid } = departSchema.parse(input());
      if (!ctx.state.depart(userid)) throw new AdminError(404, `no member ${userid}`);
      return { ok: true, departed: ctx.state.departed };
    }
    case 'GET /__sim/media':
      return { ok: true, media: [...ctx.state.media.values()] };
    default:
      if (method === 'GET' && path.startsWith('/__sim/lives/')) {
        return liveView(ctx, decodeURIComponent(path.slice('/__sim/lives/'.length)));
      }
      throw new AdminError(404, `no admin route ${key}`);
  }
}

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AdminError(400, 'body is not JSON');
  }
}

/** Seeded data again (optionally from another seed), the clock re-anchored, faults/counters/config cleared. */
function reset(ctx: SimContext, seed: number | undefined): unknown {
  const seedChanged = seed !== undefined && seed !== ctx.generator.seed;
  if (seed !== undefined) ctx.generator.seed = seed;
  ctx.generator.now = ctx.fixedNow ?? Math.floor(Date.now() / 1000);
  ctx.clock.setFrozen(ctx.initialFrozen);
  ctx.clock.set(ctx.generator.now);
  ctx.state.reset(ctx.generator);
  // Tokens of the old corp mean nothing to a corp generated from another seed. Otherwise cached tokens
  // keep working (clients need not notice a reset), but gettoken starts afresh.
  if (seedChanged) ctx.tokens.invalidateAll(ctx.clock.now());
  else ctx.tokens.forgetCurrent();
  ctx.faults.clear();
  ctx.counters.reset();
  ctx.limiter.clear();
  ctx.config.tokenTtlSeconds = ctx.initialConfig.tokenTtlSeconds;
  ctx.config.latencyMs = ctx.initialConfig.latencyMs;
  ctx.config.rateLimits = { ...ctx.initialConfig.rateLimits };
  ctx.config.statInviterNames = ctx.initialConfig.statInviterNames;
  return { ok: true, seed: ctx.generator.seed, now: ctx.clock.now() };
}

function clockView(ctx: SimContext): { now: number; frozen: boolean } {
  return { now: ctx.clock.now(), frozen: ctx.clock.isFrozen() };
}

function dataSummary(ctx: SimContext): unknown {
  const now = ctx.clock.now();
  ctx.state.catchUp(now);
  const { data } = ctx.state;
  return {
    seed: data.seed,
    corpid: data.corpid,
    corpsecret: data.corpsecret,
    agentid: data.agent.agentid,
    now,
    publicIp: data.publicIp,
    otherAgentids: data.otherAgentids,
    members: data.members.map((m) => ({
      userid: m.userid,
      name: m.name,
      department: m.department,
      denied: m.denied,
    })),
    lives: [...data.lives]
      .sort((a, b) => a.seq - b.seq)
      .map((live) => ({
        livingid: live.livingid,
        anchor_userid: live.anchor_userid,
        theme: live.theme,
        type: live.type,
        status: liveStatus(live, now),
        reserve_start: live.reserve_start,
        reserve_living_duration: live.reserve_living_duration,
        viewerCount: live.viewers.length,
        hasInviters: live.viewers.some(
          (v) => v.invitor_userid !== undefined || v.invitor_external_userid !== undefined,
        ),
        createdByApi: live.createdByApi,
      })),
    shareCodes: data.shareCodes,
    specials: data.specials,
    departed: ctx.state.departed,
  };
}

function liveView(ctx: SimContext, livingid: string): unknown {
  const live = ctx.state.live(livingid);
  if (!live) throw new AdminError(404, `no live ${livingid}`);
  const now = ctx.clock.now();
  ctx.state.catchUp(now);
  return {
    ...live,
    status: liveStatus(live, now),
    living_info: livingInfo(live, ctx.state.data, now),
  };
}

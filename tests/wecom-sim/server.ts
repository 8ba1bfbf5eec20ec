import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin.js';
import { sendCheckinExport } from './checkin-export-route.js';
import { SimClock } from './clock.js';
import { defaultConfig } from './config.js';
import type { SimContext } from './context.js';
import { Counters } from './counters.js';
import type { GeneratorOptions } from './data-generator.js';
import { FaultQueue } from './faults.js';
import { sendJson } from './http-util.js';
import { RateLimiter } from './rate-limiter.js';
import { SimState } from './state.js';
import { TokenStore } from './tokens.js';
import { handleWecomCall } from './wecom-api.js';

export interface SimulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  seed?: number;
  /** Number of lives (at least 11). */
  lives?: number;
  /** Viewers of the big live. */
  viewers?: number;
  /** Every non-curated live ends with exactly this many viewers (for sync benchmarks). */
  viewersPerLive?: number;
  /** Corp members (at least 8). */
  members?: number;
  /** Added to every /cgi-bin call. */
  latencyMs?: number;
  /** Fixed simulated start time (Unix seconds): makes the data fully reproducible. Default: real now. */
  now?: number;
  /** Start with the simulated clock stopped (it moves only through /__sim/clock). */
  frozenClock?: boolean;
  tokenTtlSeconds?: number;
}

export interface RunningSimulator {
  /** http://127.0.0.1:<port>, the base that replaces https://qyapi.weixin.qq.com. */
  url: string;
  port: number;
  corpid: string;
  corpsecret: string;
  agentid: number;
  /** The member anchoring most sample lives: the one to sign in as and sync first (the demo's banner). */
  sampleMember: { userid: string; name: string; lives: number };
  close(): Promise<void>;
}

export const DEFAULTS = { seed: 42, lives: 40, viewers: 3000, members: 40 } as const;

/** Starts the WeCom simulator on 127.0.0.1 (never another interface). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const fixedNow = options.now;
  const generator: GeneratorOptions = {
    seed: options.seed ?? DEFAULTS.seed,
    lives: options.lives ?? DEFAULTS.lives,
    viewers: options.viewers ?? DEFAULTS.viewers,
    members: options.members ?? DEFAULTS.members,
    now: fixedNow ?? Math.floor(Date.now() / 1000),
    ...(options.viewersPerLive === undefined ? {} : { viewersPerLive: options.viewersPerLive }),
  };
  const initialConfig = defaultConfig({
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    ...(options.tokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.tokenTtlSeconds }),
  });
  const ctx: SimContext = {
    state: new SimState(generator),
    clock: new SimClock(generator.now, options.frozenClock ?? false),
    tokens: new TokenStore(),
    faults: new FaultQueue(generator.seed),
    limiter: new RateLimiter(),
    counters: new Counters(),
    config: structuredClone(initialConfig),
    generator,
    initialConfig,
    fixedNow,
    initialFrozen: options.frozenClock ?? false,
  };

  const server = createServer((req, res) => {
    dispatch(req, res, ctx).catch((error: unknown) => {
      console.error('[wecom-sim] request failed', error);
      sendJson(res, 500, { errcode: -1, errmsg: 'system busy' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    corpid: ctx.state.data.corpid,
    corpsecret: ctx.state.data.corpsecret,
    agentid: ctx.state.data.agent.agentid,
    sampleMember: sampleMemberOf(ctx.state.data),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function sampleMemberOf(data: SimContext['state']['data']): RunningSimulator['sampleMember'] {
  const userid = data.specials.mainAnchorUserid;
  const name = data.members.find((member) => member.userid === userid)?.name ?? userid;
  return { userid, name, lives: data.specials.mainAnchorLiveCount };
}

async function dispatch(req: IncomingMessage, res: ServerResponse, ctx: SimContext): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/cgi-bin/')) await handleWecomCall(req, res, ctx);
  else if (path.startsWith('/__sim/checkin-export/') && req.method === 'GET') {
    await sendCheckinExport(new URL(req.url ?? '/', 'http://127.0.0.1'), res, ctx);
  } else if (path === '/__sim' || path.startsWith('/__sim/')) await handleAdmin(req, res, ctx);
  else sendJson(res, 404, { errcode: 404, errmsg: 'not found' });
}

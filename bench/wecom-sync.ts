/**
 * WeCom sync benchmark: the gateway against a one-call-at-a-time baseline, in the same run, against the
 * simulator with 40 ms latency per call. A sync of one live is get_living_info plus every get_watch_stat
 * page (next_key paging until ending = 1). A third run injects -1 ("system busy") into 5% of answers and
 * checks that every viewer of every live still arrives.
 */
import { lastValueFrom, reduce } from 'rxjs';
import { WeComGateway, WindowGate, type WeComGatewayOptions } from '../sdk/wecom/index.js';
import { startSimulator, type RunningSimulator } from '../tests/wecom-sim/server.js';

const LIVES = 100;
const VIEWERS = 500;
const LATENCY_MS = 40;
const FAULT_RATE = 0.05;

interface SimCounters {
  calls: Record<string, number>;
  maxConcurrency: number;
  rateLimited: number;
}

interface RunResult {
  seconds: number;
  calls: number;
  viewers: number;
  lives: number;
  counters: SimCounters;
  retries: number;
}

async function admin<T>(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function syncLive(gateway: WeComGateway, livingid: string): Promise<number> {
  const [, viewers] = await Promise.all([
    gateway.getLivingInfo(livingid),
    lastValueFrom(
      gateway
        .watchStat$(livingid)
        .pipe(
          reduce((sum, page) => sum + page.stat_info.users.length + page.stat_info.external_users.length, 0),
        ),
    ),
  ]);
  return viewers;
}

async function run(
  sim: RunningSimulator,
  livingids: string[],
  options: Partial<WeComGatewayOptions>,
  sequential: boolean,
): Promise<RunResult> {
  await admin(sim, 'POST', 'counters/reset');
  const gateway = new WeComGateway({
    corpid: sim.corpid,
    corpsecret: sim.corpsecret,
    agentid: sim.agentid,
    baseUrl: sim.url,
    ipGate: new WindowGate(),
    ...options,
  });
  // The token is fetched before the clock starts: every run pays for it once, the same way.
  await gateway.getToken();
  const started = performance.now();
  let viewers = 0;
  let lives = 0;
  if (sequential) {
    for (const livingid of livingids) {
      await gateway.getLivingInfo(livingid);
      for await (const page of pagesOf(gateway, livingid)) viewers += page;
      lives += 1;
    }
  } else {
    const counts = await Promise.all(livingids.map((livingid) => syncLive(gateway, livingid)));
    viewers = counts.reduce((sum, n) => sum + n, 0);
    lives = counts.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const counters = await admin<SimCounters>(sim, 'GET', 'counters');
  const calls = Object.entries(counters.calls)
    .filter(([api]) => api !== 'gettoken')
    .reduce((sum, [, n]) => sum + n, 0);
  const { retries } = gateway.stats();
  gateway.close();
  return { seconds, calls, viewers, lives, counters, retries };
}

/** The watch-stat pages of a live one request at a time (the baseline's loop). */
async function* pagesOf(gateway: WeComGateway, livingid: string): AsyncGenerator<number> {
  let key = '0';
  for (;;) {
    const page = await gateway.getWatchStat(livingid, key);
    yield page.stat_info.users.length + page.stat_info.external_users.length;
    if (page.ending === 1) return;
    key = page.next_key;
  }
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

export async function benchWecomSync(): Promise<{ title: string; rows: Array<[string, string]> }> {
  // 11 curated lives, then LIVES ended lives of exactly VIEWERS viewers each.
  const sim = await startSimulator({
    lives: 11 + LIVES,
    viewers: VIEWERS,
    viewersPerLive: VIEWERS,
    members: 20,
    latencyMs: LATENCY_MS,
  });
  try {
    // WeCom's own per-API limit on the simulated side, so a limiter bug would show up as 45009s.
    await admin(sim, 'POST', 'config', { rateLimits: { perApiPerMinute: 10_000 } });
    const data = await admin<{ lives: Array<{ livingid: string; viewerCount: number }> }>(sim, 'GET', 'data');
    const livingids = data.lives
      .filter((live) => live.viewerCount === VIEWERS)
      .map((live) => live.livingid)
      .slice(0, LIVES);
    if (livingids.length !== LIVES)
      throw new Error(`simulator made ${livingids.length} lives of ${VIEWERS} viewers`);
    const expectedViewers = LIVES * VIEWERS;

    const baseline = await run(sim, livingids, { limits: { concurrency: 1 } }, true);
    const gateway = await run(sim, livingids, {}, false);
    // The simulator answers -1 to a seeded share of the calls (gettoken spared, as the gateway needs it).
    await admin(sim, 'POST', 'faults', {
      api: 'living/get_living_info',
      errcode: -1,
      probability: FAULT_RATE,
    });
    await admin(sim, 'POST', 'faults', {
      api: 'living/get_watch_stat',
      errcode: -1,
      probability: FAULT_RATE,
    });
    const faulty = await run(sim, livingids, { retry: { maxAttempts: 6 } }, false);
    const { faults } = await admin<{ faults: Array<{ hits: number }> }>(sim, 'GET', 'faults');
    const injected = faults.reduce((sum, fault) => sum + fault.hits, 0);

    const ratio = baseline.seconds / gateway.seconds;
    const limitErrors = [baseline, gateway, faulty].reduce((sum, r) => sum + r.counters.rateLimited, 0);
    const complete = (r: RunResult) => r.viewers === expectedViewers && r.lives === LIVES;
    return {
      title: 'WeCom sync (sdk/wecom gateway vs sequential)',
      rows: [
        [
          'scenario',
          `${LIVES} distinct lives × ${VIEWERS} viewers: get_living_info + every get_watch_stat page, ${LATENCY_MS} ms latency`,
        ],
        [
          'sequential baseline',
          `${fmt(baseline.seconds)} s, ${baseline.calls} calls, ${fmt(baseline.calls / baseline.seconds, 1)} calls/s`,
        ],
        [
          'gateway',
          `${fmt(gateway.seconds)} s, ${gateway.calls} calls, ${fmt(gateway.calls / gateway.seconds, 1)} calls/s, ` +
            `max ${gateway.counters.maxConcurrency} in flight`,
        ],
        ['speed-up', `${fmt(ratio, 1)}× (goal ≥ 6×) ${ratio >= 6 ? 'ok' : 'BELOW GOAL'}`],
        ['limit errors (45009/45033)', `${limitErrors}`],
        [
          `gateway, ${FAULT_RATE * 100}% answers -1`,
          `${fmt(faulty.seconds)} s, ${injected} injected, ${faulty.retries} retries, ` +
            `${faulty.viewers}/${expectedViewers} viewers, ${faulty.lives}/${LIVES} lives: ` +
            `${complete(faulty) ? 'nothing lost' : 'DATA LOST'}`,
        ],
        ['complete runs', `${[baseline, gateway, faulty].filter(complete).length}/3`],
      ],
    };
  } finally {
    await sim.close();
  }
}

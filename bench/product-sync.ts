/**
 * The product's own member sync, end to end: browser mode (its own process) runs `live-list.sync` as a
 * job against the simulator (its own process, as WeCom is another machine) with 40 ms latency per call.
 * This process learns the job's end from browser mode's event stream (`job.done` / `job.failed`, as the
 * UI does) and meanwhile asks `host.status` over HTTP every 25 ms for the stall figure: both cost the
 * server little CPU, so the figure is the sync's own. Baselines from the same run: the sequential time (WeCom calls the sync made ×
 * latency) and `host.status` with the server idle. Afterwards the database file is read to check every
 * viewer of every live was stored, once.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResult } from '../sdk/contracts/host-status.js';
import type { JobSnapshot } from '../sdk/contracts/jobs.js';
import type { LiveSyncResult } from '../plugins/live-list/shared/live-list-api.js';
import {
  openEventStream,
  rpc,
  simAdmin,
  spawnServe,
  spawnSimulator,
  type ServeReady,
  type SimReady,
} from './child-processes.js';
import type { BenchSection } from './report.js';
import { describeLatencies, StatusProbe } from './status-probe.js';

const LIVES = 100;
const VIEWERS = 500;
const LATENCY_MS = 40;
const SPEED_UP_GOAL = 6;
const STALL_GOAL_MS = 250;
/** The stall probe's pause after each answer: a stall is seen to within this much. */
const PROBE_PAUSE_MS = 25;

interface SimData {
  specials: { mainAnchorUserid: string };
  lives: Array<{ livingid: string; anchor_userid: string; viewerCount: number }>;
}

interface SimCounters {
  calls: Record<string, number>;
  maxConcurrency: number;
  rateLimited: number;
}

const verdict = (ok: boolean): string => (ok ? 'goal met' : 'GOAL MISSED');

export async function benchProductSync(): Promise<BenchSection> {
  const sim = await spawnSimulator([
    '--seed',
    '7',
    '--lives',
    String(11 + LIVES),
    '--viewers',
    String(VIEWERS),
    '--viewers-per-live',
    String(VIEWERS),
    '--members',
    '20',
    '--latency-ms',
    String(LATENCY_MS),
    '--frozen-clock',
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'wecom-live-bench-sync-'));
  try {
    // WeCom's own per-API limit on the simulated side: a limiter bug would show as 45009 answers.
    await simAdmin(sim.ready, 'POST', 'config', { rateLimits: { perApiPerMinute: 10_000 } });
    const data = await simAdmin<SimData>(sim.ready, 'GET', 'data');
    const anchor = data.specials.mainAnchorUserid;
    const expected = new Map(
      data.lives.filter((l) => l.anchor_userid === anchor).map((l) => [l.livingid, l.viewerCount]),
    );
    const server = await spawnServe(dataDir, sim.ready.url);
    let job: { snapshot: JobSnapshot; wallMs: number };
    let idle: number[];
    let during: number[];
    let counters: SimCounters;
    let serverCpu: number | null = null;
    let simCpu: number | null = null;
    try {
      const session = await login(server.ready, sim.ready);
      idle = await StatusProbe.idle(server.ready, 2_000, PROBE_PAUSE_MS);
      await simAdmin(sim.ready, 'POST', 'counters/reset');
      const probe = new StatusProbe(server.ready, PROBE_PAUSE_MS);
      probe.start();
      const cpuBefore = [server.cpuSeconds(), sim.cpuSeconds()];
      job = await runSync(server.ready, session, anchor);
      const cpuAfter = [server.cpuSeconds(), sim.cpuSeconds()];
      during = await probe.stop();
      const used = (index: number): number | null => {
        const [before, after] = [cpuBefore[index], cpuAfter[index]];
        return before == null || after == null ? null : after - before;
      };
      serverCpu = used(0);
      simCpu = used(1);
      counters = await simAdmin<SimCounters>(sim.ready, 'GET', 'counters');
    } finally {
      await server.stop();
    }
    const stored = readStore(dataDir, anchor);
    const calls = Object.entries(counters.calls)
      .filter(([api]) => api !== 'gettoken')
      .reduce((sum, [, n]) => sum + n, 0);
    const sequentialMs = calls * LATENCY_MS;
    const ratio = sequentialMs / stored.jobMs;
    const result = job.snapshot.result as LiveSyncResult | undefined;
    const expectedViewers = [...expected.values()].reduce((sum, n) => sum + n, 0);
    const missing = [...expected].filter(([livingid, n]) => stored.viewers.get(livingid) !== n).length;
    const complete = job.snapshot.state === 'done' && missing === 0 && stored.duplicates === 0;
    const maxStall = Math.max(...during);
    return {
      title: 'Member sync through the product (live-list.sync job, browser mode)',
      rows: [
        [
          'scenario',
          `1 member, ${expected.size} lives (${LIVES} × ${VIEWERS} viewers + curated), ${expectedViewers} viewers, ` +
            `${LATENCY_MS} ms latency`,
        ],
        [
          'baseline: sequential (calls × latency)',
          `${(sequentialMs / 1000).toFixed(2)} s (${calls} WeCom calls)`,
        ],
        [
          'sync job',
          `${(stored.jobMs / 1000).toFixed(2)} s (job created → done; ${(job.wallMs / 1000).toFixed(2)} s as ` +
            `seen by the client, which learns the end from the job.done event of the event stream), ` +
            `max ${counters.maxConcurrency} calls in flight`,
        ],
        [
          'CPU meanwhile (steadier on a busy machine)',
          serverCpu === null
            ? 'not measured (no /proc)'
            : `browser mode ${serverCpu.toFixed(2)} s (${((serverCpu / (job.wallMs / 1000)) * 100).toFixed(0)}% ` +
              `of one core over the job), simulator ${simCpu?.toFixed(2) ?? '?'} s`,
        ],
        ['speed-up', `${ratio.toFixed(1)}× (goal ≥ ${SPEED_UP_GOAL}×): ${verdict(ratio >= SPEED_UP_GOAL)}`],
        [
          'limit errors (45009 answered)',
          `${counters.rateLimited} (goal 0): ${verdict(counters.rateLimited === 0)}`,
        ],
        [
          'viewers stored',
          `${stored.total}/${expectedViewers}, ${missing} lives short, ${stored.duplicates} duplicates, ` +
            `job ${job.snapshot.state}, ${result?.failed.length ?? '?'} failed: ${verdict(complete)}`,
        ],
        ['baseline: host.status idle', describeLatencies(idle)],
        ['host.status during the sync', describeLatencies(during)],
        [
          `event-loop stall (max host.status, asked ${PROBE_PAUSE_MS} ms after each answer)`,
          `${maxStall.toFixed(1)} ms vs idle max ${Math.max(...idle).toFixed(1)} ms ` +
            `(${(maxStall / Math.max(...idle)).toFixed(1)}×; goal ≤ ${STALL_GOAL_MS} ms): ` +
            verdict(maxStall <= STALL_GOAL_MS),
        ],
      ],
    };
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function login(server: { port: number; token: string }, sim: SimReady): Promise<string> {
  const answer = await rpc<LoginResult>(server, 'auth.login', {
    kind: 'newCorp',
    corpname: '基准企业',
    corpid: sim.corpid,
    corpsecret: sim.corpsecret,
    agentid: sim.agentid,
    userid: 'bench-admin',
  });
  return answer.session;
}

/**
 * Starts the sync and waits for its `job.done` / `job.failed` event on the event stream (opened first, so
 * the end cannot pass unseen), as the UI learns it: no polling of `jobs.get` to load the server.
 */
async function runSync(
  server: ServeReady,
  session: string,
  userid: string,
): Promise<{ snapshot: JobSnapshot; wallMs: number }> {
  const events = await openEventStream(server, session);
  try {
    const started = performance.now();
    let jobId: string | null = null;
    const seen: JobSnapshot[] = [];
    const ended = events.next((type, payload) => {
      if (type !== 'job.done' && type !== 'job.failed') return undefined;
      const snapshot = payload as JobSnapshot;
      if (jobId === null) seen.push(snapshot);
      return jobId !== null && snapshot.jobId === jobId ? snapshot : undefined;
    });
    // Handled: once the end is found elsewhere, closing the stream rejects this wait unheard.
    ended.catch(() => undefined);
    ({ jobId } = await rpc<{ jobId: string }>(server, 'live-list.sync', { userid }, session));
    // An end heard before the answer above named the job (a very quick failure).
    const early = seen.find((snapshot) => snapshot.jobId === jobId);
    const snapshot = early ?? (await ended);
    return { snapshot, wallMs: performance.now() - started };
  } finally {
    events.close();
  }
}

/** Reads the stopped server's database: the job's own duration and the viewers stored per live. */
function readStore(
  dataDir: string,
  anchor: string,
): { jobMs: number; viewers: Map<string, number>; total: number; duplicates: number } {
  const config = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as {
    database?: { filename?: string };
  };
  const db = new Database(join(dataDir, config.database?.filename ?? 'wecom-live.sqlite'), {
    readonly: true,
  });
  try {
    const job = db.prepare(`select created_at, updated_at from jobs where kind = 'live-list.sync'`).get() as {
      created_at: number;
      updated_at: number;
    };
    const rows = db
      .prepare(
        `select l.livingid, count(v.id) as n from lives l left join live_viewers v on v.live_id = l.id
         where l.anchor_userid = ? group by l.livingid`,
      )
      .all(anchor) as Array<{ livingid: string; n: number }>;
    const duplicates = db
      .prepare(
        `select count(*) as n from (select 1 from live_viewers
         group by live_id, viewer_kind, lower(viewer_id) having count(*) > 1)`,
      )
      .get() as { n: number };
    return {
      jobMs: Number(job.updated_at) - Number(job.created_at),
      viewers: new Map(rows.map((row) => [row.livingid, Number(row.n)])),
      total: rows.reduce((sum, row) => sum + Number(row.n), 0),
      duplicates: duplicates.n,
    };
  } finally {
    db.close();
  }
}

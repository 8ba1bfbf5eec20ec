/**
 * `live-list.query` over a big store, through browser mode over HTTP: 10,000 lives and 1,000,000 viewers
 * seeded into the product's own database, then pages (first, middle, last), every sort and keywords.
 * Baseline of the same run: `host.status` on the same server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResult } from '../sdk/contracts/host-status.js';
import { rpc, spawnServe, spawnSimulator, type ServeReady } from './child-processes.js';
import type { BenchSection } from './report.js';
import { seedLiveStore } from './seed-store.js';
import { percentile } from './status-probe.js';

const LIVES = 10_000;
const VIEWERS_PER_LIVE = 100;
const PAGE_SIZE = 20;
const ROUNDS = 5;
const P95_GOAL_MS = 50;
const RATIO_GOAL = 10;

const verdict = (ok: boolean): string => (ok ? 'goal met' : 'GOAL MISSED');

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchListQuery(): Promise<BenchSection> {
  const sim = await spawnSimulator(['--seed', '5']);
  const dataDir = mkdtempSync(join(tmpdir(), 'wecom-live-bench-query-'));
  try {
    const server = await spawnServe(dataDir, sim.ready.url);
    try {
      const login = await rpc<LoginResult>(server.ready, 'auth.login', {
        kind: 'newCorp',
        corpname: '基准企业',
        corpid: sim.ready.corpid,
        corpsecret: sim.ready.corpsecret,
        agentid: sim.ready.agentid,
        userid: 'bench-admin',
      });
      const corpId = login.corp?.corpId ?? '';
      const config = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as {
        database?: { filename?: string };
      };
      const seedStarted = performance.now();
      const { anchor, theme } = seedLiveStore(
        join(dataDir, config.database?.filename ?? 'wecom-live.sqlite'),
        {
          corpId,
          lives: LIVES,
          viewersPerLive: VIEWERS_PER_LIVE,
          anchors: 40,
        },
      );
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const lastPage = Math.ceil(LIVES / PAGE_SIZE);
      const queries: unknown[] = [];
      for (const page of [1, Math.floor(lastPage / 2), lastPage]) {
        queries.push({ page, pageSize: PAGE_SIZE });
        for (const field of ['start', 'theme', 'status', 'viewerNum', 'createdAt', 'lastSyncedAt']) {
          for (const direction of ['asc', 'desc'])
            queries.push({ page, pageSize: PAGE_SIZE, sort: { field, direction } });
        }
      }
      queries.push({ keyword: theme, page: 1, pageSize: PAGE_SIZE });
      queries.push({ keyword: theme, page: 20, pageSize: PAGE_SIZE });
      queries.push({ keyword: '不存在的词', page: 1, pageSize: PAGE_SIZE });
      queries.push({ userid: anchor, page: 1, pageSize: PAGE_SIZE });
      queries.push({
        keyword: '第9',
        userid: anchor,
        page: 2,
        pageSize: PAGE_SIZE,
        sort: { field: 'theme', direction: 'asc' },
      });
      const { status, query } = await measure(server.ready, login.session, queries);
      const statusP95 = percentile(status, 95);
      const queryP95 = percentile(query, 95);
      const ratio = queryP95 / statusP95;
      return {
        title: 'live-list.query over a big store (browser mode, HTTP)',
        rows: [
          [
            'store',
            `${LIVES} lives, ${LIVES * VIEWERS_PER_LIVE} viewers (seeded in ${seedSeconds.toFixed(1)} s)`,
          ],
          [
            'queries',
            `${queries.length} kinds (first/middle/last page, 6 sorts × 2, keywords, member) × ${ROUNDS}`,
          ],
          [
            'baseline: host.status',
            `p50 ${percentile(status, 50).toFixed(1)} ms, p95 ${statusP95.toFixed(1)} ms`,
          ],
          [
            'live-list.query',
            `p50 ${percentile(query, 50).toFixed(1)} ms, p95 ${queryP95.toFixed(1)} ms, max ${Math.max(...query).toFixed(1)} ms`,
          ],
          [
            'p95 goal',
            `${queryP95.toFixed(1)} ms (goal ≤ ${P95_GOAL_MS} ms): ${verdict(queryP95 <= P95_GOAL_MS)}`,
          ],
          [
            'p95 vs host.status',
            `${ratio.toFixed(1)}× (goal ≤ ${RATIO_GOAL}×): ${verdict(ratio <= RATIO_GOAL)}`,
          ],
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Alternates host.status and each query, one at a time, so both see the same server. */
async function measure(
  server: ServeReady,
  session: string,
  queries: readonly unknown[],
): Promise<{ status: number[]; query: number[] }> {
  const status: number[] = [];
  const query: number[] = [];
  // One warm-up pass: the first statements of a fresh process compile and fill caches.
  for (const input of queries) await rpc(server, 'live-list.query', input, session);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const input of queries) {
      status.push(await timed(() => rpc(server, 'host.status')));
      query.push(await timed(() => rpc(server, 'live-list.query', input, session)));
    }
  }
  return { status, query };
}

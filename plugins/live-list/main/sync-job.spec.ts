// The concurrent member sync through the router and the job service, against the WeCom simulator over
// HTTP and a real SQLite file: a cancel midway, a storm of WeCom faults, a restart midway, no duplicates.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import { SimClient, type DataSummary } from '../../../tests/wecom-sim/spec-client.js';
import { startSimulator, type RunningSimulator } from '../../../tests/wecom-sim/server.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
  loginSimCorp,
} from '../../../tests/support/runtime-harness.js';
import type { JobStarted, LiveSyncResult } from '../shared/live-list-api.js';

type Runtime = Awaited<ReturnType<typeof startRuntime>>;
type RuntimeOptions = NonNullable<Parameters<typeof startRuntime>[1]>;

const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_LIVES = 40;
const VIEWERS_PER_LIVE = 250;
/** Lives the resume spec lets finish before it stops the app. */
const LIVES_BEFORE_STOP = 6;

describe('live-list sync (concurrent, simulator)', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;
  let anchor: string;
  /** The member's lives as the simulator has them: livingid → viewers. */
  let expected: Map<string, number>;
  const dataDirs: string[] = [];
  const runtimes: Runtime[] = [];

  function options(dataDir: string): Partial<RuntimeOptions> {
    return {
      pluginDirs: [BUILT_PLUGINS],
      wecomBaseUrl: sim.url,
      // A short timeout so the simulator's delays become timeouts; quick retries keep the spec short.
      wecomGateway: { timeoutMs: 500, retry: { baseDelayMs: 10, maxDelayMs: 80 } },
      dataDir,
    };
  }

  async function start(dataDir: string): Promise<Runtime> {
    const runtime = await startRuntime(dataDir, options(dataDir));
    runtimes.push(runtime);
    return runtime;
  }

  /** A fresh product on its own data dir, logged in to the simulator's corp. */
  async function product(): Promise<{ runtime: Runtime; dataDir: string; corpId: string; admin: string }> {
    const dataDir = tempDataDir('live-sync');
    dataDirs.push(dataDir);
    const runtime = await start(dataDir);
    const corpId = await loginSimCorp(runtime, sim);
    return { runtime, dataDir, corpId, admin: await sessionFor(runtime, 'wecom-admin', 'boss', corpId) };
  }

  async function startSync(runtime: Runtime, admin: string, userid = anchor): Promise<string> {
    return dataOf<JobStarted>(await runtime.router.dispatch('live-list.sync', { userid }, admin)).jobId;
  }

  async function jobRow(runtime: Runtime, jobId: string): Promise<{ state: string; done: number }> {
    return (await runtime.db('jobs').where({ id: jobId }).first('state', 'done')) as {
      state: string;
      done: number;
    };
  }

  /**
   * The next `lives` get_living_info calls are answered; every later one hangs past the gateway's timeout
   * until the faults are cleared. So exactly that many lives finish before a spec stops or cancels the
   * job, however fast or slow the machine (a latency alone let a fast run finish every live first).
   */
  async function holdLivesAfter(lives: number): Promise<void> {
    await client.admin('POST', 'faults', { api: 'living/get_living_info', times: lives });
    await client.admin('POST', 'faults', { api: 'living/get_living_info', delayMs: 2_000, probability: 1 });
  }

  /** Waits until the job has recorded `lives` lives as finished (its checkpoint rows). */
  async function waitForFinished(runtime: Runtime, jobId: string, lives: number): Promise<void> {
    await waitFor(async () => {
      const row = await runtime
        .db('live_list_sync_progress')
        .where({ job_id: jobId })
        .count({ n: '*' })
        .first();
      return Number(row?.['n']) >= lives ? true : undefined;
    }, 60_000);
  }

  async function finished(runtime: Runtime, jobId: string, admin: string): Promise<JobSnapshot> {
    return waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, admin));
      return ['done', 'failed', 'cancelled'].includes(snapshot.state) ? snapshot : undefined;
    }, 120_000);
  }

  /** Viewers stored per live of the member, and rows that share a live and a viewer (must be none). */
  async function stored(
    runtime: Runtime,
    corpId: string,
  ): Promise<{ viewers: Map<string, number>; synced: Set<string>; duplicates: number }> {
    const counts = (await runtime
      .db('lives as l')
      .leftJoin('live_viewers as v', 'v.live_id', 'l.id')
      .where({ 'l.corp_id': corpId, 'l.anchor_userid': anchor })
      .groupBy('l.livingid', 'l.stats_synced_at')
      .select('l.livingid', 'l.stats_synced_at')
      .count({ n: 'v.id' })) as Array<{ livingid: string; stats_synced_at: number | null; n: number }>;
    const duplicates = (await runtime
      .db('live_viewers')
      .select('live_id', 'viewer_kind')
      .select(runtime.db.raw('lower(viewer_id) as viewer'))
      .groupBy('live_id', 'viewer_kind', 'viewer')
      .havingRaw('count(*) > 1')) as unknown[];
    return {
      viewers: new Map(counts.map((row) => [row.livingid, Number(row.n)])),
      synced: new Set(counts.filter((row) => row.stats_synced_at !== null).map((row) => row.livingid)),
      duplicates: duplicates.length,
    };
  }

  async function expectComplete(runtime: Runtime, corpId: string, result: LiveSyncResult): Promise<void> {
    const { viewers, duplicates } = await stored(runtime, corpId);
    expect(duplicates).toBe(0);
    expect(result.failed).toEqual([]);
    expect(result.lives).toBe(expected.size);
    expect(result.viewers).toBe([...expected.values()].reduce((sum, n) => sum + n, 0));
    expect(viewers.size).toBe(expected.size);
    for (const [livingid, count] of expected) {
      expect(viewers.get(livingid)).withContext(livingid).toBe(count);
    }
    const left = await runtime.db('live_list_sync_progress').count({ n: '*' }).first();
    expect(Number(left?.['n'])).withContext('checkpoint rows left').toBe(0);
  }

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      seed: 23,
      lives: 11 + BENCH_LIVES,
      viewers: 300,
      viewersPerLive: VIEWERS_PER_LIVE,
      members: 12,
      frozenClock: true,
    });
    client = new SimClient(sim);
    data = await client.data();
    anchor = data.specials.mainAnchorUserid;
    expected = new Map(
      data.lives
        .filter((live) => live.anchor_userid === anchor)
        .map((live) => [live.livingid, live.viewerCount]),
    );
  });

  afterAll(async () => {
    for (const runtime of runtimes) await runtime.stop();
    for (const dir of dataDirs) removeDir(dir);
    await sim.close();
  });

  beforeEach(async () => {
    await client.admin('DELETE', 'faults');
    await client.admin('POST', 'config', { latencyMs: 0 });
    await client.admin('POST', 'counters/reset', {});
  });

  it('stores every viewer once, in parallel calls, and a second sync changes nothing', async () => {
    await client.admin('POST', 'config', { latencyMs: 20 });
    const { runtime, corpId, admin } = await product();
    const first = await finished(runtime, await startSync(runtime, admin), admin);
    expect(first.state).toBe('done');
    await expectComplete(runtime, corpId, first.result as LiveSyncResult);
    expect((await client.counters()).maxConcurrency).toBeGreaterThan(1);

    const before = await runtime.db('live_viewers').orderBy('id').select('id', 'live_id', 'viewer_id');
    // Again, with the userid in lower case (as the session keeps ids): the same member, nothing new, and
    // the summary spells the member as WeCom does.
    expect(anchor).not.toBe(anchor.toLowerCase());
    const again = await finished(runtime, await startSync(runtime, admin, anchor.toLowerCase()), admin);
    expect(again.state).toBe('done');
    await expectComplete(runtime, corpId, again.result as LiveSyncResult);
    expect((again.result as LiveSyncResult).userid).toBe(anchor);
    expect(await runtime.db('live_viewers').orderBy('id').select('id', 'live_id', 'viewer_id')).toEqual(
      before,
    );
  });

  it('stops a cancelled sync midway with every stored live whole, and a second sync completes', async () => {
    await holdLivesAfter(LIVES_BEFORE_STOP);
    const { runtime, corpId, admin } = await product();
    const jobId = await startSync(runtime, admin);
    await waitForFinished(runtime, jobId, LIVES_BEFORE_STOP);
    const cancelled = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.cancel', { jobId }, admin));
    expect(cancelled.state).toBe('cancelled');

    const midway = await stored(runtime, corpId);
    expect(midway.synced.size).toBeGreaterThan(0);
    expect(midway.synced.size).toBeLessThan(expected.size);
    expect(midway.duplicates).toBe(0);
    // A live's viewers are merged in one transaction: a live has all of them or none.
    for (const [livingid, count] of midway.viewers) {
      expect(count)
        .withContext(livingid)
        .toBe(midway.synced.has(livingid) ? (expected.get(livingid) ?? -1) : 0);
    }
    // Nothing keeps running after the cancel: once the calls already on the wire have been answered
    // (a busy machine may deliver them late), no call reaches WeCom any more.
    await waitFor(async () => ((await client.counters()).inFlight === 0 ? true : undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const calls = (await client.counters()).calls;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.counters()).calls).toEqual(calls);
    const left = await runtime
      .db('live_list_sync_progress')
      .where({ job_id: jobId })
      .count({ n: '*' })
      .first();
    expect(Number(left?.['n'])).toBe(0);

    await client.admin('DELETE', 'faults');
    const second = await finished(runtime, await startSync(runtime, admin), admin);
    expect(second.state).toBe('done');
    await expectComplete(runtime, corpId, second.result as LiveSyncResult);
  });

  it('stores every viewer, once, through a storm of busy answers, over-limit answers and timeouts', async () => {
    for (const api of ['living/get_user_all_livingid', 'living/get_living_info', 'living/get_watch_stat']) {
      await client.admin('POST', 'faults', { api, errcode: -1, probability: 0.2 });
      await client.admin('POST', 'faults', { api, errcode: 45009, probability: 0.1 });
      // Longer than the gateway's 500 ms timeout: the call times out and is asked again.
      await client.admin('POST', 'faults', { api, delayMs: 900, probability: 0.04 });
    }
    await client.admin('POST', 'faults', { api: 'user/get', errcode: -1, probability: 0.2 });
    const { runtime, corpId, admin } = await product();
    const done = await finished(runtime, await startSync(runtime, admin), admin);
    expect(done.state).toBe('done');
    await expectComplete(runtime, corpId, done.result as LiveSyncResult);
    const { faults } = await client.admin<{ faults: Array<{ api: string; hits: number }> }>('GET', 'faults');
    const hits = (api: string) => faults.filter((f) => f.api === api).reduce((sum, f) => sum + f.hits, 0);
    expect(hits('living/get_watch_stat')).toBeGreaterThan(10);
    expect(hits('living/get_living_info')).toBeGreaterThan(5);
    // The inviter naming (user/get) went through its faults as well.
    expect((done.result as LiveSyncResult).namedInviters).toBeGreaterThan(0);
  });

  it('resumes a sync the app stopped midway at the next start, without pulling finished lives again', async () => {
    await holdLivesAfter(LIVES_BEFORE_STOP);
    const first = await product();
    const jobId = await startSync(first.runtime, first.admin);
    await waitForFinished(first.runtime, jobId, LIVES_BEFORE_STOP);
    expect((await jobRow(first.runtime, jobId)).state).toBe('running');
    await first.runtime.stop();

    const restartedAt = Date.now();
    const restarted = await start(first.dataDir);
    // Read at once: the job runs again only after the scheduler's first poll.
    const kept = (await restarted
      .db('live_list_sync_progress')
      .where({ job_id: jobId })
      .pluck('livingid')) as string[];
    await client.admin('DELETE', 'faults');
    expect(kept.length).toBe(LIVES_BEFORE_STOP);
    const done = await waitFor(async () => {
      const row = (await restarted.db('jobs').where({ id: jobId }).first('state', 'result')) as {
        state: string;
        result: string | null;
      };
      return ['done', 'failed', 'cancelled'].includes(row.state) ? row : undefined;
    }, 120_000);
    expect(done.state).toBe('done');
    const result = JSON.parse(done.result ?? 'null') as LiveSyncResult;
    await expectComplete(restarted, first.corpId, result);
    // Exactly the lives finished before the stop were not asked for again (get_living_info stamps a pull).
    const notPulledAgain = (await restarted
      .db('lives')
      .where({ corp_id: first.corpId, anchor_userid: anchor })
      .andWhere('last_synced_at', '<', restartedAt)
      .pluck('livingid')) as string[];
    expect(notPulledAgain.sort()).toEqual([...kept].sort());
  });
});

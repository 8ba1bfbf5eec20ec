// The peak-viewer sampler against the WeCom simulator over HTTP, on a real SQLite file: both clocks (the
// simulator's and the runtime's) are moved by the spec and the passes are driven one by one, except in
// the restart case, where the runtime's own timer does the work.
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { LiveRecord, PageOf } from '../../../sdk/contracts/lives.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import type { LivingInfo } from '../../../sdk/wecom/models.js';
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
import { CorpStore } from '../accounts/corp-store.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { WeComGateways } from '../wecom/wecom-gateways.js';
import { LiveStoreService } from './live-store.js';
import type { CorpSampling } from './online-sampler.js';

const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'plugins');
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const MINUTE = 60;

// The live-list plugin's answers as far as this spec reads them (the host does not import plugins).
type LiveListPage = PageOf<LiveRecord>;
interface JobStarted {
  jobId: string;
}
interface LiveExportResult {
  fileId: string;
}

interface SimLiveView {
  status: number;
  living_info: { online_count: number; status: number };
  actual_start: number;
  actual_duration: number;
}

describe('online sampler (peak viewers)', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;
  let dataDir: string;
  let runtime: HostRuntime;
  let corpId: string;
  let admin: string;
  // The runtime's clock, in step with the simulator's (frozen) one.
  let nowMs = 0;
  const clock = { now: (): number => nowMs };

  async function setTime(seconds: number): Promise<void> {
    await client.admin('POST', 'clock', { now: seconds, frozen: true });
    nowMs = seconds * 1000;
  }

  const simLive = (livingid: string): Promise<SimLiveView> =>
    client.admin<SimLiveView>('GET', `lives/${encodeURIComponent(livingid)}`);

  async function pass(): Promise<Map<string, CorpSampling>> {
    const result = await runtime.onlineSampler.sampleNow();
    return new Map(result.corps.map((corp) => [corp.corpId, corp]));
  }

  async function start(): Promise<void> {
    runtime = await startRuntime(
      dataDir,
      { pluginDirs: [BUILT_PLUGINS], wecomBaseUrl: sim.url, sessionIdleMs: 365 * 24 * 3600_000 },
      clock,
    );
  }

  /** Stores a live as a pull would: the simulator's living_info through the corp's real gateway. */
  async function store(livingid: string, inCorp = corpId): Promise<void> {
    const gateway = await runtime.container.resolve(WeComGateways).forCorp(corpId);
    const info: LivingInfo = await gateway.getLivingInfo(livingid);
    await runtime.container.resolve(LiveStoreService).mergeLivingInfo(inCorp, livingid, info);
  }

  async function samples(livingid: string, inCorp = corpId): Promise<Array<{ at: number; count: number }>> {
    return (
      (await runtime
        .db('live_online_snapshots as s')
        .join('lives as l', 'l.id', 's.live_id')
        .where({ 'l.corp_id': inCorp, 'l.livingid': livingid })
        .orderBy('s.sampled_at')
        .select('s.sampled_at', 's.online_count')) as Array<{ sampled_at: number; online_count: number }>
    ).map((row) => ({ at: Number(row.sampled_at), count: row.online_count }));
  }

  const call = (channel: string, body: unknown): Promise<RpcResult> =>
    runtime.router.dispatch(`live-list.${channel}`, body, admin);

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 23, lives: 16, viewers: 400, members: 12 });
    client = new SimClient(sim);
    data = await client.data();
    await setTime(data.now);
    dataDir = tempDataDir('sampler');
    await start();
    corpId = await loginSimCorp(runtime, sim);
    admin = await sessionFor(runtime, 'wecom-admin', 'boss', corpId);
  }, 60_000);

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
    await sim.close();
  });

  beforeEach(async () => {
    await client.admin('DELETE', 'faults');
  });

  afterEach(async () => {
    // Each case stores the lives it samples (their samples and peaks go with them).
    await runtime.db('lives').delete();
  });

  it('picks up a reservation when it starts, samples it while on, stops at its end; list and export agree', async () => {
    const reserved = data.specials.reservedLivingid;
    const ended = data.specials.endedLivingid;
    await store(reserved);
    await store(ended);
    const before = await simLive(reserved);
    // Before the reserved start nothing is asked.
    expect((await pass()).get(corpId)).toBeUndefined();

    // Moments over the live's life: every 5 minutes from just after the start to past the end.
    const start = before.actual_start;
    const end = start + before.actual_duration;
    const expected: Array<{ at: number; count: number }> = [];
    for (let t = start + 20; t < end + 3 * 5 * MINUTE; t += 5 * MINUTE) {
      await setTime(t);
      const truth = await simLive(reserved);
      const outcome = (await pass()).get(corpId);
      if (t < end) {
        expect(truth.status)
          .withContext(`t=${t - start}`)
          .toBe(1);
        expect(outcome?.sampled)
          .withContext(`t=${t - start}`)
          .toBe(1);
        expected.push({ at: t * 1000, count: truth.living_info.online_count });
      } else {
        // The first pass after the end stores status 2; then the live is never asked again.
        expect(outcome?.sampled ?? 0).toBe(t - end < 5 * MINUTE ? 1 : 0);
      }
    }
    expect(expected.length).toBeGreaterThan(3);
    // The simulator's audience moves (ramp, wobble, fall), so the samples differ.
    expect(new Set(expected.map((sample) => sample.count)).size).toBeGreaterThan(1);
    expect(await samples(reserved)).toEqual(expected);
    expect(await samples(ended)).toEqual([]);
    const stored = (await runtime.db('lives').where({ corp_id: corpId, livingid: reserved }).first()) as {
      status: number;
    };
    expect(stored.status).toBe(2);

    const peak = Math.max(...expected.map((sample) => sample.count));
    const peakAt = expected.find((sample) => sample.count === peak)?.at ?? 0;
    const page = dataOf<LiveListPage>(await call('query', { page: 1, pageSize: 100 }));
    const row = page.rows.find((candidate) => candidate.livingid === reserved);
    expect(row).toEqual(
      jasmine.objectContaining({
        peakOnline: peak,
        peakOnlineAt: peakAt,
        peakOnlineSamples: expected.length,
      }),
    );
    const endedRow = page.rows.find((candidate) => candidate.livingid === ended);
    expect(endedRow).toEqual(
      jasmine.objectContaining({ peakOnline: null, peakOnlineAt: null, peakOnlineSamples: 0 }),
    );

    const { jobId } = dataOf<JobStarted>(await call('export', { timeZone: 'Asia/Shanghai' }));
    const done = await waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, admin));
      return ['done', 'failed'].includes(snapshot.state) ? snapshot : undefined;
    }, 30_000);
    expect(done.state).toBe('done');
    const file = (await runtime
      .db('files')
      .where({ id: (done.result as LiveExportResult).fileId })
      .first()) as { path: string };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string): number => header.indexOf(name) + 1;
    const rowOf = (livingid: string): ExcelJS.Row | undefined =>
      Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2)).find(
        (candidate) => candidate.getCell(column('直播 ID')).value === livingid,
      );
    const sampled = rowOf(reserved);
    expect(sampled?.getCell(column('最高在线人数')).value).toBe(peak);
    expect(sampled?.getCell(column('最高在线时间')).value).toEqual(new Date(peakAt + SHANGHAI_OFFSET_MS));
    expect(sampled?.getCell(column('在线采样次数')).value).toBe(expected.length);
    const unsampled = rowOf(ended);
    expect(unsampled?.getCell(column('最高在线人数')).value).toBe('未采样');
    expect(unsampled?.getCell(column('最高在线时间')).value).toBe('未采样');
    expect(unsampled?.getCell(column('在线采样次数')).value).toBe(0);
  }, 120_000);

  it('keeps sampling one corp while another corp fails, and backs the failing one off', async () => {
    const living = data.specials.livingLivingid;
    await setTime(data.now + 60);
    await store(living);
    // A second saved app whose secret WeCom no longer accepts (rotated in the admin console).
    const broken = await runtime.container.resolve(CorpStore).save(
      {
        corpname: '密钥已更换的企业',
        corpid: sim.corpid,
        corpsecret: 'RotatedSecret_0123456789abcdefghijklmnopq',
        agentid: data.specials.otherAgentid,
      },
      '旧应用',
    );
    await store(living, broken.corpId);
    const brokenSamples = await samples(living, broken.corpId);
    const first = await pass();
    expect(first.get(corpId)).toEqual(jasmine.objectContaining({ state: 'sampled', sampled: 1 }));
    expect(first.get(broken.corpId)).toEqual(
      jasmine.objectContaining({ state: 'failed', error: 'WECOM_CONFIG_INVALID' }),
    );
    const gettokens = (await client.counters()).gettoken;
    for (const step of [1, 2]) {
      await setTime(data.now + 60 + step * MINUTE);
      const next = await pass();
      expect(next.get(corpId))
        .withContext(`step ${step}`)
        .toEqual(jasmine.objectContaining({ sampled: 1 }));
      // Two intervals after its first failure it is tried again, not before.
      expect(next.get(broken.corpId)?.state)
        .withContext(`step ${step}`)
        .toBe(step === 1 ? 'waiting' : 'failed');
    }
    expect((await client.counters()).gettoken).toBeGreaterThan(gettokens);
    await setTime(data.now + 60 + 3 * MINUTE);
    expect((await pass()).get(broken.corpId)?.state).toBe('waiting');
    // The store's own sample and one per pass since: the first pass shares its moment.
    expect((await samples(living)).length).toBe(4);
    expect(await samples(living, broken.corpId)).toEqual(brokenSamples);
  }, 60_000);

  it('backs off a corp on 60020 (telling the clients once per attempt) and when WeCom is unreachable', async () => {
    const living = data.specials.livingLivingid;
    const base = data.now + 10 * MINUTE;
    await setTime(base);
    await store(living);
    const events: unknown[] = [];
    const subscription = runtime.events.all().subscribe((event) => {
      if (event.type === 'wecom.ipNotAllowed') events.push(event.payload);
    });
    const ip = '203.0.113.77';
    await client.admin('POST', 'faults', { api: 'living/get_living_info', errcode: 60020, ip, times: 1 });
    expect((await pass()).get(corpId)).toEqual(
      jasmine.objectContaining({ state: 'failed', error: 'WECOM_IP_NOT_ALLOWED' }),
    );
    await waitFor(async () => (events.length > 0 ? true : undefined));
    expect(events).toEqual([jasmine.objectContaining({ ip })]);
    expect(await runtime.db('trusted_ips').where({ ip }).first()).toBeDefined();
    const calls = (await client.counters()).calls['living/get_living_info'] ?? 0;
    await setTime(base + MINUTE);
    expect((await pass()).get(corpId)?.state).toBe('waiting');
    expect((await client.counters()).calls['living/get_living_info'] ?? 0).toBe(calls);
    await setTime(base + 2 * MINUTE);
    expect((await pass()).get(corpId)).toEqual(jasmine.objectContaining({ state: 'sampled', sampled: 1 }));
    expect(events.length).toBe(1);

    // Every attempt of the gateway's retries dropped: unreachable, the corp waits again.
    await client.admin('POST', 'faults', { api: 'living/get_living_info', drop: true, times: 10 });
    await setTime(base + 3 * MINUTE);
    expect((await pass()).get(corpId)).toEqual(
      jasmine.objectContaining({ state: 'failed', error: 'WECOM_UNREACHABLE' }),
    );
    await client.admin('DELETE', 'faults');
    await setTime(base + 4 * MINUTE);
    expect((await pass()).get(corpId)?.state).toBe('waiting');
    await setTime(base + 5 * MINUTE);
    expect((await pass()).get(corpId)?.state).toBe('sampled');
    subscription.unsubscribe();
  }, 60_000);

  it('resumes by itself after a restart on the same database file, and stops at the end', async () => {
    const living = data.specials.livingLivingid;
    const view = await simLive(living);
    await setTime(data.now + 20 * MINUTE);
    await store(living);
    const before = (await samples(living)).length;
    await runtime.stop();
    await setTime(data.now + 21 * MINUTE);
    // The runtime's own timer this time, with a short interval.
    runtime = await startRuntime(
      dataDir,
      {
        pluginDirs: [BUILT_PLUGINS],
        wecomBaseUrl: sim.url,
        sessionIdleMs: 365 * 24 * 3600_000,
        onlineSampleIntervalMs: 100,
        onlineSampleTimer: true,
      },
      clock,
    );
    await waitFor(async () => ((await samples(living)).length > before ? true : undefined));
    expect((await samples(living)).at(-1)).toEqual({
      at: nowMs,
      count: (await simLive(living)).living_info.online_count,
    });
    // Past the end: the timer's next pass stores status 2, and then no call is made for it.
    await setTime(view.actual_start + view.actual_duration + MINUTE);
    await waitFor(async () => {
      const row = (await runtime.db('lives').where({ corp_id: corpId, livingid: living }).first()) as {
        status: number;
      };
      return row.status === 2 ? true : undefined;
    });
    const calls = (await client.counters()).calls['living/get_living_info'] ?? 0;
    const passes = await runtime.onlineSampler.sampleNow();
    expect(passes.corps).toEqual([]);
    expect((await client.counters()).calls['living/get_living_info'] ?? 0).toBe(calls);
    // Back to passes driven by the spec for the other cases.
    await runtime.stop();
    await start();
  }, 60_000);
});

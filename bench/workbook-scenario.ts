// One workbook scenario of `npm run bench` in a process of its own (bench/workbook-bench.ts spawns it),
// so its memory figure is its own: `import` (a 10 × 5,000 check-in workbook through the import job) or
// `export` (the detail export job of a 100,000-viewer live). Prints one JSON line: seconds, peak RSS
// above idle, the slowest host.status answer meanwhile, and the file the pandas baseline reads.
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoginResult } from '../sdk/contracts/host-status.js';
import type { JobSnapshot } from '../sdk/contracts/jobs.js';
import type { CheckinRoundInput } from '../sdk/contracts/lives.js';
import type { WatchStatPage } from '../sdk/wecom/models.js';
import { HostRuntime } from '../host/runtime/core/host-runtime.js';
import { LiveStoreService } from '../host/runtime/live-store/live-store.js';
import { syncLive, uploadFile } from '../tests/fixtures/checkin/runtime-helpers.js';
import { dataOf, sessionFor } from '../tests/support/runtime-harness.js';
import { SimClient } from '../tests/wecom-sim/spec-client.js';
import { startSimulator } from '../tests/wecom-sim/server.js';

export interface ScenarioFigures {
  seconds: number;
  /** CPU seconds of the whole process (every thread, workers too) meanwhile: steadier on a busy machine. */
  cpuSeconds: number;
  peakAboveIdleMb: number;
  maxStatusMs: number;
  /**
   * The longest the event loop was held (perf_hooks), which the in-process host.status probe cannot see
   * when the hold starts before the probe asks: a transaction's chain of synchronous queries, say.
   */
  maxLoopDelayMs: number;
  rows: number;
  /** What the pandas baseline works on: the same workbook, or the same rows as CSV. */
  baselineInput: string;
}

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const USER = 'bench-user';
export const EXPORT_VIEWERS = 100_000;
const EXPORT_ROUNDS = 3;

const scenario = process.argv[2] as 'import' | 'export';
const work = mkdtempSync(join(tmpdir(), `wecom-live-bench-${scenario}-`));
const sim = await startSimulator({ port: 0, seed: 42, viewers: scenario === 'import' ? 3000 : 20 });
const runtime = await HostRuntime.start({
  dataDir: join(work, 'data'),
  pluginDirs: [join(distRoot, 'plugins')],
  wecomBaseUrl: sim.url,
  schedulerPollMs: 20,
  onlineSampleTimer: false,
});
const login = dataOf<LoginResult>(
  await runtime.router.dispatch(
    'auth.login',
    {
      kind: 'newCorp',
      corpname: '模拟科技',
      corpid: sim.corpid,
      corpsecret: sim.corpsecret,
      agentid: sim.agentid,
      userid: 'first-user',
    },
    null,
  ),
);
const corpId = login.corp?.corpId ?? '';
const session = await sessionFor(runtime, 'user', USER, corpId);
const livingid = (await new SimClient(sim).data()).specials.bigLivingid;
await syncLive(runtime, corpId, livingid);

let figures: ScenarioFigures;
if (scenario === 'import') {
  // Memory is counted from before the 签到导入 page opens, so the readied worker counts too.
  const idleRss = await settledRss();
  // As the page does when it opens: the host readies (and warms up) a parse worker for the file to come.
  dataOf(await runtime.router.dispatch('checkin-import.prepare', {}, session));
  const answer = await fetch(`${sim.url}/__sim/checkin-export/${livingid}?rounds=10&rows=5000`);
  const workbook = join(work, 'checkin-10x5000.xlsx');
  writeFileSync(workbook, Buffer.from(await answer.arrayBuffer()));
  const fileId = await uploadFile(runtime, workbook, '直播签到导出.xlsx', { userid: USER, corpId });
  const measured = await measure(
    () => runtime.router.dispatch('checkin-import.import', { livingid, fileId }, session),
    idleRss,
  );
  figures = { ...measured, rows: 50_000, baselineInput: workbook };
} else {
  await seedViewers(livingid);
  const measured = await measure(() =>
    // BENCH_EXPORT_CHARTS=1: with the 观众画像 sheet and its chart images (a fixed cost, off the row path).
    runtime.router.dispatch(
      'live-detail.export',
      { livingid, withCharts: process.env['BENCH_EXPORT_CHARTS'] === '1' },
      session,
    ),
  );
  figures = { ...measured, rows: EXPORT_VIEWERS, baselineInput: await rowsAsCsv(livingid) };
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
await runtime.stop();
await sim.close();
process.exit(0);

/** The process's RSS once collected and settled. */
async function settledRss(): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return process.memoryUsage.rss();
}

/**
 * Runs the job the call starts; peak RSS (sampled) above `idleRss` (default: the RSS just before), and
 * host.status meanwhile.
 */
async function measure(
  start: () => ReturnType<typeof runtime.router.dispatch>,
  idleRss?: number,
): Promise<Omit<ScenarioFigures, 'rows' | 'baselineInput'>> {
  const settled = await settledRss();
  const idle = idleRss ?? settled;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  let maxStatusMs = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const sent = performance.now();
      await runtime.router.dispatch('host.status', {}, session);
      maxStatusMs = Math.max(maxStatusMs, performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { jobId } = dataOf<{ jobId: string }>(await start());
  let job: JobSnapshot;
  for (;;) {
    job = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
    if (['done', 'failed', 'cancelled'].includes(job.state)) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  probing = false;
  await probe;
  clearInterval(sampler);
  loopDelay.disable();
  if (job.state !== 'done') throw new Error(`${scenario} job ${job.state}: ${JSON.stringify(job.error)}`);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakAboveIdleMb: (peak - idle) / 1024 / 1024,
    maxStatusMs,
    maxLoopDelayMs: loopDelay.max / 1e6,
  };
}

/** 100,000 viewers (members and external contacts, invited by each other) and 3 rounds of check-ins. */
async function seedViewers(live: string): Promise<void> {
  const store = runtime.container.resolve(LiveStoreService);
  const pages: WatchStatPage[] = [];
  const perPage = 10_000;
  for (let start = 0; start < EXPORT_VIEWERS; start += perPage) {
    const users = [];
    const external_users = [];
    for (let index = start; index < start + perPage; index += 1) {
      const common = {
        watch_time: (index * 37) % 7200,
        is_comment: index % 3 === 0 ? 1 : 0,
        is_mic: index % 17 === 0 ? 1 : 0,
        ...(index > 0 ? { invitor_userid: `member${String(index % 500).padStart(6, '0')}` } : {}),
      };
      if (index % 2 === 0) users.push({ userid: `member${String(index).padStart(6, '0')}`, ...common });
      else
        external_users.push({ external_userid: `wmext${index}`, type: 1, name: `客户${index}`, ...common });
    }
    pages.push({
      ending: start + perPage >= EXPORT_VIEWERS ? 1 : 0,
      next_key: String(start + perPage),
      stat_info: { users, external_users },
    });
  }
  await store.mergeWatchStats(corpId, live, pages);
  const rounds: CheckinRoundInput[] = Array.from({ length: EXPORT_ROUNDS }, (_, round) => ({
    roundNo: round + 1,
    title: `第${'一二三'[round]}次签到`,
    startedAt: 1_741_838_220 + round * 1800,
    reportedCount: 30_000,
    records: Array.from({ length: 30_000 }, (_, index) => ({
      rowNo: index + 4,
      memberLabel: `成员${index * 2}`,
      department: '销售部',
      matchState: 'matched' as const,
      viewerKind: 'internal' as const,
      viewerId: `member${String(index * 2).padStart(6, '0')}`,
    })),
  }));
  await store.replaceCheckins(corpId, live, rounds, 'bench.xlsx');
}

/** The export's rows as CSV for pandas: the same viewers, the same columns. */
async function rowsAsCsv(live: string): Promise<string> {
  const store = runtime.container.resolve(LiveStoreService);
  const all = await store.viewerDetails(corpId, live, {});
  const quote = (value: unknown): string => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const header = ['观众', 'userid / external_userid', '观众类型', '观看时长', '观看秒数', '签到次数'];
  header.push(
    ...all.rounds.map((round) => `${round.title}签到时间`),
    '邀请人',
    '邀请人 ID',
    '邀请人姓名来源',
    '评论',
    '连麦',
  );
  const lines = [header.map(quote).join(',')];
  for (const viewer of all.rows) {
    lines.push(
      [
        viewer.name,
        viewer.viewerId,
        viewer.kind === 'internal' ? '企业成员' : '外部联系人',
        `${Math.floor(viewer.watchTime / 60)}分${viewer.watchTime % 60}秒`,
        viewer.watchTime,
        viewer.checkins.length,
        ...all.rounds.map((round) =>
          viewer.checkins.some((checkin) => checkin.roundNo === round.roundNo) ? '2025-03-13 12:17:00' : '',
        ),
        viewer.inviterName ?? '',
        viewer.invitorUserid ?? viewer.invitorExternalUserid ?? '',
        viewer.inviterRule ?? '',
        viewer.isComment ? '是' : '否',
        viewer.isMic ? '是' : '否',
      ]
        .map(quote)
        .join(','),
    );
  }
  const path = join(work, 'viewers.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

// The worker pool through a plugin's job (tests/fixtures/worker-plugins/worker-lab): a task that exits or
// runs out of memory fails its job with a Chinese message, an AppError thrown in a worker keeps its
// code, a module outside the plugin is refused, and the host answers throughout and runs the next task.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';
import {
  CHUNK_COUNT,
  type SourceReport,
} from '../../../tests/fixtures/worker-plugins/worker-lab/main/index.js';
import type { CrunchResult } from '../../../tests/fixtures/worker-plugins/worker-lab/main/crunch-task.js';
import { CHUNKS_AHEAD } from './chunk-feed.js';

const WORKER_PLUGINS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'tests',
  'fixtures',
  'worker-plugins',
);

describe('WorkerPool', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let session: string;

  beforeAll(async () => {
    dataDir = tempDataDir('workers');
    runtime = await startRuntime(dataDir, { pluginDirs: [WORKER_PLUGINS] });
    session = await sessionFor(runtime, 'user', 'cruncher');
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  async function crunch(mode: string): Promise<JobSnapshot> {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('worker-lab.crunch', { mode }, session),
    );
    return waitFor(async () => {
      // The host answers while the worker runs.
      expect((await runtime.router.dispatch('host.status', {}, session)).ok).toBeTrue();
      const job = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
      return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    }, 60_000);
  }

  it('fails the job of a worker that runs out of memory, and the host runs on', async () => {
    const job = await crunch('oom');
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('INTERNAL');
    expect(job.error?.message).toBe(
      '后台任务所需内存超过上限 32 MB，已终止：数据或文件过大，程序其余部分不受影响',
    );
    expect((await crunch('ok')).result).toEqual(jasmine.objectContaining({ sum: 499_999_500_000 }));
  });

  it('fails the job of a worker that exits, and keeps an AppError thrown in a worker as it is', async () => {
    const exited = await crunch('exit');
    expect([exited.state, exited.error?.code, exited.error?.message]).toEqual([
      'failed',
      'INTERNAL',
      '后台任务意外退出（退出码 3），已终止：程序其余部分不受影响',
    ]);
    const thrown = await crunch('throw');
    expect(thrown.error).toEqual({
      code: 'IMPORT_INVALID',
      message: '模拟的文件问题',
      details: { where: 'worker' },
    });
    expect((await crunch('ok')).state).toBe('done');
  });

  it('starts a worker before its input is ready and fails the task when reading the input fails', async () => {
    expect((await crunch('later')).result).toEqual(jasmine.objectContaining({ sum: 499_999_500_000 }));
    const refused = await crunch('refused');
    expect([refused.state, refused.error]).toEqual([
      'failed',
      { code: 'IMPORT_INVALID', message: '读取输入失败', details: { where: 'input' } },
    ]);
    expect((await crunch('ok')).state).toBe('done');
  });

  async function source(): Promise<SourceReport> {
    return dataOf<SourceReport>(await runtime.router.dispatch('worker-lab.source', {}, session));
  }

  // Chunk i holds 1..100 plus i.
  const chunkSum = (chunks: number): number =>
    Array.from({ length: chunks }, (_, index) => 5050 + 100 * index).reduce((a, b) => a + b, 0);

  it('sends chunked input in order, never far ahead of the task', async () => {
    const job = await crunch('chunks');
    expect(job.result).toEqual(jasmine.objectContaining({ sum: chunkSum(CHUNK_COUNT), taken: CHUNK_COUNT }));
    const read = await source();
    expect(read.read).toBe(CHUNK_COUNT);
    expect(read.closed).toBeTrue();
    // The task is slower than the source: without backpressure the source runs to the end at once.
    expect(read.maxAhead).toBeGreaterThan(0);
    expect(CHUNKS_AHEAD + 1).toBeLessThan(CHUNK_COUNT / 4);
    expect(read.maxAhead).toBeLessThanOrEqual(CHUNKS_AHEAD + 1);
  });

  it('fails the task when reading a chunk fails, and stops reading when the task ends early', async () => {
    const failed = await crunch('chunks-fail');
    expect([failed.state, failed.error]).toEqual([
      'failed',
      { code: 'NOT_FOUND', message: '读取第 6 页失败', details: { where: 'source' } },
    ]);
    const early = await crunch('chunks-early');
    expect(early.result).toEqual(jasmine.objectContaining({ sum: chunkSum(2), taken: 2 }));
    const read = await source();
    expect(read.closed).toBeTrue();
    expect(read.read).toBeLessThanOrEqual(2 + CHUNKS_AHEAD + 1);
    expect((await crunch('ok')).state).toBe('done');
  });

  it('stops reading chunks when the job is cancelled', async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('worker-lab.crunch', { mode: 'chunks-hang' }, session),
    );
    await waitFor(async () => ((await source()).read > 0 ? true : undefined), 30_000);
    await waitFor(async () => {
      const job = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
      return job.done >= 1 ? true : undefined;
    }, 30_000);
    dataOf(await runtime.router.dispatch('jobs.cancel', { jobId }, session));
    const job = await waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
      return ['done', 'failed', 'cancelled'].includes(snapshot.state) ? snapshot : undefined;
    }, 30_000);
    expect(job.state).toBe('cancelled');
    const read = await waitFor(async () => {
      const report = await source();
      return report.closed ? report : undefined;
    }, 10_000);
    expect(read.read).toBeLessThanOrEqual(1 + CHUNKS_AHEAD + 1);
    expect((await crunch('ok')).state).toBe('done');
  });

  it('runs only modules inside the plugin’s own folder', async () => {
    const outside = await crunch('outside');
    expect([outside.state, outside.error?.code]).toEqual(['failed', 'INTERNAL']);
    const prepared = await runtime.router.dispatch('worker-lab.prepare', { outside: true }, session);
    expect(prepared.ok).toBeFalse();
  });

  it('runs the next task of a module in the worker prepared for it, warmed up, and that worker once only', async () => {
    const cold = await crunch('ok');
    expect((cold.result as CrunchResult).warmed).toBeFalse();

    expect((await runtime.router.dispatch('worker-lab.prepare', {}, session)).ok).toBeTrue();
    // Asked again while one waits: still one.
    expect((await runtime.router.dispatch('worker-lab.prepare', {}, session)).ok).toBeTrue();
    // A task with other limits does not take it (it runs out of its own 32 MB)…
    expect((await crunch('oom')).error?.details?.['reason']).toBe('worker-out-of-memory');
    // …the next task of the module with the default limits does.
    const warm = await crunch('ok');
    expect(warm.state).toBe('done');
    expect((warm.result as CrunchResult).warmed).toBeTrue();
    const after = await crunch('ok');
    expect((after.result as CrunchResult).warmed).toBeFalse();
    expect((after.result as CrunchResult).thread).not.toBe((warm.result as CrunchResult).thread);

    // A prepared worker awaits a promised input like any other.
    expect((await runtime.router.dispatch('worker-lab.prepare', {}, session)).ok).toBeTrue();
    const later = await crunch('later');
    expect(later.state).toBe('done');
    expect((later.result as CrunchResult).warmed).toBeTrue();
  });

  it('runs the task all the same when the prepared worker’s warm-up fails', async () => {
    process.env['WORKER_LAB_WARM_UP_FAILS'] = '1';
    try {
      expect((await runtime.router.dispatch('worker-lab.prepare', {}, session)).ok).toBeTrue();
    } finally {
      delete process.env['WORKER_LAB_WARM_UP_FAILS'];
    }
    const job = await crunch('ok');
    expect(job.state).toBe('done');
    expect(job.result).toEqual(jasmine.objectContaining({ sum: 499_999_500_000, warmed: false }));
  });
});

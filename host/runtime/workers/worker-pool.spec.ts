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
    expect((await crunch('ok')).result).toEqual({ sum: 499_999_500_000 });
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
    expect((await crunch('later')).result).toEqual({ sum: 499_999_500_000 });
    const refused = await crunch('refused');
    expect([refused.state, refused.error]).toEqual([
      'failed',
      { code: 'IMPORT_INVALID', message: '读取输入失败', details: { where: 'input' } },
    ]);
    expect((await crunch('ok')).state).toBe('done');
  });

  it('runs only modules inside the plugin’s own folder', async () => {
    const outside = await crunch('outside');
    expect([outside.state, outside.error?.code]).toEqual(['failed', 'INTERNAL']);
  });
});

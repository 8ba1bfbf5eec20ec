// The crash loop of a hostile workbook: a job that kills the host process every time it runs. After a
// crash the job is retried only while it has attempts left, then failed with a reason, and the host
// stays up. Real processes (tests/fixtures/worker-plugins/crash-host.ts) on one data dir, SIGKILLed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';

const CRASH_HOST = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'tests',
  'fixtures',
  'worker-plugins',
  'crash-host.js',
);

function host(
  dataDir: string,
  mode: 'schedule' | 'resume',
  maxAttempts = 0,
): { signal: string | null; out: string } {
  const run = spawnSync(process.execPath, [CRASH_HOST, dataDir, mode, String(maxAttempts)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { signal: run.signal, out: run.stdout };
}

describe('jobs interrupted by a crash', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = tempDataDir('crash-loop')));
  afterEach(() => removeDir(dataDir));

  it('are retried within their attempts, then failed with a reason while the host runs on', async () => {
    expect(host(dataDir, 'schedule', 2).signal).toBe('SIGKILL'); // attempt 1 kills the host
    expect(host(dataDir, 'resume').signal).toBe('SIGKILL'); // attempt 2, the last one, kills it again
    const third = host(dataDir, 'resume'); // no attempt left: failed, the host stays up
    expect(third.signal).toBeNull();
    const row = JSON.parse(third.out) as { state: string; attempt: number; error: string };
    expect([row.state, row.attempt]).toEqual(['failed', 2]);
    expect(JSON.parse(row.error)).toEqual({
      code: 'INTERNAL',
      message: '任务执行期间程序意外退出（已执行 2 次，达到重试上限），不再重试：请检查文件或数据后重新发起',
      details: { reason: 'interrupted', attempts: 2 },
    });
  });

  it('fail at once when they had one attempt (every job a user starts)', async () => {
    expect(host(dataDir, 'schedule', 1).signal).toBe('SIGKILL');
    const next = host(dataDir, 'resume');
    expect(next.signal).toBeNull();
    expect((JSON.parse(next.out) as { state: string }).state).toBe('failed');
  });
});

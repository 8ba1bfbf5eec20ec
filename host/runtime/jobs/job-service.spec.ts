import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
} from '../../../tests/support/runtime-harness.js';
import { CorpStore } from '../accounts/corp-store.js';
import type { HostRuntime } from '../core/host-runtime.js';

async function finished(runtime: HostRuntime, jobId: string, session: string): Promise<JobSnapshot> {
  return waitFor(async () => {
    const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
    return ['done', 'failed', 'cancelled'].includes(snapshot.state) ? snapshot : undefined;
  });
}

describe('JobService', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let alice: string;
  let bob: string;
  let admin: string;

  beforeEach(async () => {
    dataDir = tempDataDir('jobs');
    runtime = await startRuntime(dataDir);
    // One corp's members and admin: an admin sees the jobs of their own corp.
    const corp = await runtime.container.resolve(CorpStore).save(
      {
        corpname: '测试企业',
        corpid: 'wwjobs0001',
        corpsecret: 'TestSecret_0123456789abcdef',
        agentid: 1000002,
      },
      '测试应用',
    );
    alice = await sessionFor(runtime, 'user', 'alice', corp.corpId);
    bob = await sessionFor(runtime, 'user', 'bob', corp.corpId);
    admin = await sessionFor(runtime, 'wecom-admin', 'boss', corp.corpId);
  });

  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('runs a job owned by the caller with progress events and a result', async () => {
    const events: Array<{ type: string; payload: JobSnapshot }> = [];
    const subscription = runtime.events.all().subscribe((event) => {
      if (event.type.startsWith('job.'))
        events.push({ type: event.type, payload: event.payload as JobSnapshot });
    });
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('notes.startCount', { total: 3, stepMs: 5 }, alice),
    );
    const done = await finished(runtime, jobId, alice);
    subscription.unsubscribe();
    expect(done.state).toBe('done');
    expect(done.result).toEqual({ counted: 3 });
    expect(done.done).toBe(3);
    expect(done.total).toBe(3);
    expect(done.message).toBe('第 3 步');
    expect(events.filter((event) => event.type === 'job.progress').length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)?.type).toBe('job.done');
    expect(events.every((event) => event.payload.jobId === jobId)).toBeTrue();
  });

  it("shows a job to its owner and their corp's admins only", async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('notes.startCount', { total: 1, stepMs: 1 }, alice),
    );
    const forBob = await runtime.router.dispatch('jobs.get', { jobId }, bob);
    expect(forBob.ok ? null : forBob.error.code).toBe('NOT_FOUND');
    expect(dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, admin)).jobId).toBe(
      jobId,
    );
    const cancelByBob = await runtime.router.dispatch('jobs.cancel', { jobId }, bob);
    expect(cancelByBob.ok ? null : cancelByBob.error.code).toBe('NOT_FOUND');
  });

  it('cancels a running job', async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('notes.startCount', { total: 1000, stepMs: 20 }, alice),
    );
    await waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, alice));
      return snapshot.done >= 3 ? snapshot : undefined;
    });
    const before = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, alice));
    const cancelled = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.cancel', { jobId }, alice));
    expect(cancelled.state).toBe('cancelled');
    // Where it stopped, although progress is stored only at intervals.
    expect(cancelled.done).toBeGreaterThanOrEqual(before.done);
    expect(cancelled.done).toBeLessThan(1000);
    const stored = await finished(runtime, jobId, alice);
    expect(stored.state).toBe('cancelled');
    expect(stored.done).toBe(cancelled.done);
  });

  it('retries a failing scheduled job with backoff until it succeeds', async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch(
        'notes.scheduleRecord',
        { label: 'flaky', runAt: Date.now(), failTimes: 2, maxAttempts: 3 },
        alice,
      ),
    );
    const done = await finished(runtime, jobId, alice);
    expect(done.state).toBe('done');
    const runs = (await runtime.db('notes_runs').where({ job_id: jobId }).orderBy('attempt')) as Array<{
      attempt: number;
    }>;
    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
  });

  it('fails a scheduled job after its bounded attempts with the last error', async () => {
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch(
        'notes.scheduleRecord',
        { label: 'hopeless', runAt: Date.now(), failTimes: 99, maxAttempts: 2 },
        alice,
      ),
    );
    const failed = await finished(runtime, jobId, alice);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('WECOM_UNREACHABLE');
    expect(await runtime.db('notes_runs').where({ job_id: jobId }).count({ n: '*' })).toEqual([{ n: 2 }]);
  });

  it('replaces a still-queued job with the same dedupe key', async () => {
    const runAt = Date.now() + 60_000;
    const first = dataOf<{ jobId: string }>(
      await runtime.router.dispatch(
        'notes.scheduleRecord',
        { label: 'a', runAt, dedupeKey: 'pull:1' },
        alice,
      ),
    );
    const second = dataOf<{ jobId: string }>(
      await runtime.router.dispatch(
        'notes.scheduleRecord',
        { label: 'b', runAt, dedupeKey: 'pull:1' },
        alice,
      ),
    );
    expect(second.jobId).toBe(first.jobId);
    expect(await runtime.db('jobs').where({ dedupe_key: 'pull:1' }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('runs a scheduled job exactly once across a stop and a start on the same database', async () => {
    const runAt = Date.now() + 400;
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('notes.scheduleRecord', { label: 'after-restart', runAt }, alice),
    );
    await runtime.stop();
    await new Promise((resolve) => setTimeout(resolve, 600)); // overdue by the time the next start looks
    runtime = await startRuntime(dataDir);
    const done = await finished(runtime, jobId, alice); // sessions are persistent too
    expect(done.state).toBe('done');
    await new Promise((resolve) => setTimeout(resolve, 300)); // give a duplicate run the chance to appear
    expect(await runtime.db('notes_runs').where({ job_id: jobId }).count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('persists a job interrupted by shutdown and resumes it at the next start', async () => {
    // 1.2 s of counting: still running when the stop comes, even on a busy machine.
    const { jobId } = dataOf<{ jobId: string }>(
      await runtime.router.dispatch('notes.startCount', { total: 60, stepMs: 20 }, alice),
    );
    await waitFor(async () => {
      const snapshot = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, alice));
      return snapshot.state === 'running' ? snapshot : undefined;
    });
    await runtime.stop();
    const persisted = (await (
      await import('knex')
    ).default({
      client: 'better-sqlite3',
      connection: { filename: `${dataDir}/wecom-live.sqlite` },
      useNullAsDefault: true,
    })) as import('knex').Knex;
    try {
      expect(((await persisted('jobs').where({ id: jobId }).first('state')) as { state: string }).state).toBe(
        'queued',
      );
    } finally {
      await persisted.destroy();
    }
    runtime = await startRuntime(dataDir);
    const resumed = await finished(runtime, jobId, alice);
    expect(resumed.state).toBe('done');
    expect(resumed.result).toEqual({ counted: 60 });
  });
});

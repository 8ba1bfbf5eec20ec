import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { AppError, isAppError } from '../../../sdk/contracts/errors.js';
import { TERMINAL_JOB_STATES, type JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type {
  CallContext,
  EventAudience,
  JobHandler,
  ScheduleOptions,
} from '../../../sdk/main/plugin-context.js';
import { EventBus } from '../core/event-bus.js';
import { JobStore, toSnapshot, type JobRow } from './job-store.js';
import { mayAccess } from './ownership.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, LOGGER } from '../core/tokens.js';

interface Registration {
  handler: JobHandler<unknown, unknown>;
  pluginId: string | null;
}

interface Running {
  controller: AbortController;
  settled: Promise<void>;
  snapshot: JobSnapshot;
  lastWrite: number;
}

const RETRY_MAX_MS = 30 * 60_000;
// Progress is pushed to clients at once but written to the database at most this often.
const PROGRESS_WRITE_EVERY_MS = 1000;

class ShutdownSignal extends Error {}

/**
 * Long work: immediate jobs owned by the caller and scheduled jobs that survive restarts. A poll loop
 * claims due jobs whose handler is registered (a disabled plugin's jobs wait), runs them on a bounded
 * queue, retries failures with exponential backoff up to `max_attempts`, and publishes progress.
 */
@injectable()
export class JobService {
  private readonly handlers = new Map<string, Registration>();
  private readonly running = new Map<string, Running>();
  private readonly queue: PQueue;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly store: JobStore,
    private readonly events: EventBus,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(LOGGER) private readonly log: Logger,
  ) {
    this.queue = new PQueue({ concurrency: settings.jobConcurrency });
  }

  registerHandler(kind: string, handler: JobHandler<unknown, unknown>, pluginId: string | null): () => void {
    if (this.handlers.has(kind)) throw new Error(`job kind already registered: ${kind}`);
    const registration = { handler, pluginId };
    this.handlers.set(kind, registration);
    this.poke();
    return () => {
      if (this.handlers.get(kind) === registration) this.handlers.delete(kind);
    };
  }

  /** Starts a job owned by the caller; answers at once. */
  async start(
    kind: string,
    input: unknown,
    call: CallContext,
    pluginId: string | null,
  ): Promise<{ jobId: string }> {
    if (!this.handlers.has(kind)) throw new AppError('NOT_FOUND', `任务类型不存在：${kind}`);
    const jobId = await this.store.insert({
      id: randomUUID(),
      kind,
      plugin_id: pluginId,
      owner_userid: call.user?.userid ?? null,
      owner_tier: call.user?.tier ?? null,
      corp_id: call.corp?.corpId ?? null,
      input,
      runAt: this.clock.now(),
      dedupeKey: null,
      maxAttempts: 1,
    });
    this.poke();
    return { jobId };
  }

  /** Persists a job for later; it runs at `runAt` or at the first start after it. */
  async schedule(
    kind: string,
    input: unknown,
    options: ScheduleOptions,
    pluginId: string | null,
  ): Promise<{ jobId: string }> {
    const jobId = await this.store.insert({
      id: randomUUID(),
      kind,
      plugin_id: pluginId,
      owner_userid: options.ownerUserid ?? null,
      owner_tier: null,
      corp_id: options.corpId ?? null,
      input,
      runAt: options.runAt.getTime(),
      dedupeKey: options.dedupeKey ?? null,
      maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    });
    this.poke();
    return { jobId };
  }

  /** `jobs.get`: the caller's own job (admins: any job). */
  async get(jobId: string, call: CallContext): Promise<JobSnapshot> {
    const row = await this.visibleRow(jobId, call);
    return this.running.get(jobId)?.snapshot ?? toSnapshot(row);
  }

  /** `jobs.cancel`: a queued job is cancelled at once, a running one is aborted. */
  async cancel(jobId: string, call: CallContext): Promise<JobSnapshot> {
    const row = await this.visibleRow(jobId, call);
    if (TERMINAL_JOB_STATES.includes(row.state)) return toSnapshot(row);
    const running = this.running.get(jobId);
    if (running !== undefined) {
      running.controller.abort(new AppError('CONFLICT', '任务已取消'));
      await running.settled;
    } else {
      await this.store.update(jobId, { state: 'cancelled', message: '已取消' });
      const snapshot = toSnapshot({ ...row, state: 'cancelled', message: '已取消' });
      this.events.publish('job.failed', snapshot, this.audienceOf(row));
    }
    return toSnapshot((await this.store.get(jobId)) as JobRow);
  }

  /** Begins polling; jobs left running by a crash are retried within their attempts, overdue ones run now. */
  async startRunner(): Promise<void> {
    const recovered = await this.store.recoverInterrupted();
    if (recovered.requeued + recovered.failed > 0) this.log.warn(recovered, 'jobs interrupted by a crash');
    this.stopped = false;
    this.schedulePoll(0);
  }

  /** Stops polling, aborts running jobs and persists them as queued so the next start resumes them. */
  async stopRunner(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    this.queue.clear();
    const running = [...this.running.values()];
    for (const job of running) job.controller.abort(new ShutdownSignal('shutdown'));
    await Promise.all(running.map((job) => job.settled));
    await this.queue.onIdle();
  }

  /** A job's events go to its owner, an account of (corp, userid); ownerless jobs to the corp's admins. */
  private audienceOf(row: Pick<JobRow, 'owner_userid' | 'corp_id'>): EventAudience {
    return row.owner_userid === null
      ? { kind: 'admins', corpId: row.corp_id }
      : { kind: 'user', userid: row.owner_userid, corpId: row.corp_id };
  }

  private async visibleRow(jobId: string, call: CallContext): Promise<JobRow> {
    const row = await this.store.get(jobId);
    const visible = row !== undefined && mayAccess({ userid: row.owner_userid, corpId: row.corp_id }, call);
    if (!visible || row === undefined) throw new AppError('NOT_FOUND', '任务不存在或无权查看。', { jobId });
    return row;
  }

  /** Looks for due jobs soon (after a registration or a new job). */
  private poke(): void {
    if (!this.stopped) this.schedulePoll(0);
  }

  private schedulePoll(delayMs: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.pollOnce()
        .catch((error: unknown) => this.log.error({ err: error }, 'job poll failed'))
        .finally(() => {
          this.polling = null;
          if (!this.stopped && this.timer === null) this.schedulePoll(this.settings.schedulerPollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<void> {
    const free = this.settings.jobConcurrency * 2 - this.running.size - this.queue.size;
    if (free <= 0) return;
    const due = await this.store.due(this.clock.now(), [...this.handlers.keys()], free);
    for (const row of due) {
      if (this.stopped || this.running.has(row.id)) continue;
      if (!(await this.store.claim(row.id))) continue;
      this.launch({ ...row, state: 'running', attempt: row.attempt + 1 });
    }
  }

  private launch(row: JobRow): void {
    const controller = new AbortController();
    let resolveSettled: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (resolveSettled = resolve));
    const snapshot: JobSnapshot = { ...toSnapshot(row), state: 'running' };
    const running: Running = { controller, settled, snapshot, lastWrite: 0 };
    this.running.set(row.id, running);
    void this.queue
      .add(() => this.execute(row, running))
      .catch((error: unknown) => this.log.error({ err: error, jobId: row.id }, 'job bookkeeping failed'))
      .finally(() => {
        this.running.delete(row.id);
        resolveSettled();
      });
  }

  private async execute(row: JobRow, running: Running): Promise<void> {
    const registration = this.handlers.get(row.kind);
    const audience = this.audienceOf(row);
    const log = this.log.child({ jobId: row.id, kind: row.kind });
    const { controller, snapshot } = running;
    if (registration === undefined || controller.signal.aborted) {
      await this.store.update(row.id, { state: 'queued', attempt: row.attempt - 1 });
      return;
    }
    this.events.publish('job.progress', { ...snapshot }, audience);
    try {
      const result = await registration.handler({
        jobId: row.id,
        kind: row.kind,
        input: JSON.parse(row.input) as unknown,
        owner:
          row.owner_userid === null ? null : { userid: row.owner_userid, tier: row.owner_tier ?? 'user' },
        corpId: row.corp_id,
        attempt: row.attempt,
        signal: controller.signal,
        log,
        progress: (done, total, message) => this.progress(row, running, done, total, message),
      });
      controller.signal.throwIfAborted();
      const finished: JobSnapshot = { ...snapshot, state: 'done', result: result ?? null };
      await this.store.update(row.id, {
        state: 'done',
        done: snapshot.done,
        total: snapshot.total,
        message: snapshot.message,
        result: JSON.stringify(result ?? null),
      });
      this.events.publish('job.done', finished, audience);
    } catch (error) {
      await this.finishWithError(row, running, error, audience, log);
    }
  }

  private async finishWithError(
    row: JobRow,
    running: Running,
    error: unknown,
    audience: EventAudience,
    log: Logger,
  ): Promise<void> {
    const reason: unknown = running.controller.signal.aborted ? running.controller.signal.reason : error;
    // Progress is stored at intervals: the row keeps where the job really stopped, as its event says.
    const progress = { done: running.snapshot.done, total: running.snapshot.total };
    if (reason instanceof ShutdownSignal) {
      // Shutdown: persist the job as queued (this attempt does not count) so the next start resumes it.
      await this.store.update(row.id, {
        ...progress,
        state: 'queued',
        attempt: row.attempt - 1,
        message: '应用关闭，待下次启动继续',
      });
      return;
    }
    if (running.controller.signal.aborted) {
      const cancelled: JobSnapshot = { ...running.snapshot, state: 'cancelled', message: '已取消' };
      await this.store.update(row.id, { ...progress, state: 'cancelled', message: '已取消' });
      this.events.publish('job.failed', cancelled, audience);
      return;
    }
    const body = isAppError(error)
      ? error.toBody()
      : { code: 'INTERNAL' as const, message: '任务执行出错，请稍后重试或查看日志。' };
    if (!isAppError(error)) log.error({ err: error }, 'job failed');
    if (row.attempt < row.max_attempts) {
      const delay = Math.min(RETRY_MAX_MS, this.settings.jobRetryBaseMs * 2 ** (row.attempt - 1));
      const jitter = Math.floor(Math.random() * delay * 0.2);
      await this.store.update(row.id, {
        state: 'queued',
        run_at: this.clock.now() + delay + jitter,
        message: `第 ${row.attempt} 次执行失败，稍后重试：${body.message}`,
      });
      return;
    }
    const failed: JobSnapshot = { ...running.snapshot, state: 'failed', error: body };
    await this.store.update(row.id, { ...progress, state: 'failed', error: JSON.stringify(body) });
    this.events.publish('job.failed', failed, audience);
  }

  private progress(row: JobRow, running: Running, done: number, total: number, message?: string): void {
    const snapshot = running.snapshot;
    snapshot.done = done;
    snapshot.total = total;
    if (message !== undefined) snapshot.message = message;
    this.events.publish('job.progress', { ...snapshot }, this.audienceOf(row));
    const now = this.clock.now();
    if (now - running.lastWrite >= PROGRESS_WRITE_EVERY_MS) {
      running.lastWrite = now;
      void this.store
        .update(row.id, { done, total, message: snapshot.message })
        .catch((error: unknown) => this.log.warn({ err: error }, 'progress write failed'));
    }
  }
}

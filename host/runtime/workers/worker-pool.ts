// Heavy work off the main thread (docs/architecture.md, Workers): workbook parsing and Excel building run
// in worker threads so the event loop keeps answering. Each task gets a fresh worker with a heap cap
// (resourceLimits) and a time limit: a crash, an out-of-memory or a timeout ends that worker only and
// fails its task with a Chinese message; memory returns when the task ends. At most `size` run at once.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { WorkerRunOptions } from '../../../sdk/main/workers.js';
import { LOGGER } from '../core/tokens.js';
import { ChunkFeed } from './chunk-feed.js';
import type { WorkerInput, WorkerReply, WorkerStart } from './worker-messages.js';

export const DEFAULT_WORKER_MEMORY_MB = 256;
export const DEFAULT_WORKER_TIMEOUT_MS = 10 * 60_000;
/** A prepared worker nobody took within this long is ended (its memory goes back). */
export const PREPARED_IDLE_MS = 10 * 60_000;
const ENTRY = new URL('./worker-entry.js', import.meta.url);

interface PreparedWorker {
  worker: Worker;
  /** Hands the worker over to a task: its idle timer and its own error handlers go. */
  take(): Worker;
}

@injectable()
export class WorkerPool {
  /** Tasks that may run at once: the cores but one for the main thread, at least 2, at most 4. */
  readonly size = Math.min(4, Math.max(2, availableParallelism() - 1));
  private readonly queue = new PQueue({ concurrency: this.size });
  private readonly workers = new Set<Worker>();
  /** By module URL: started ahead of a task (prepare), each used by one task at most. */
  private readonly prepared = new Map<string, PreparedWorker>();
  private stopped = false;

  constructor(@inject(LOGGER) private readonly log: Logger) {}

  /** Runs `task` of the module in a worker; waits for a free slot first. */
  async run<I, O, C = never>(
    module: URL,
    input: I | Promise<I>,
    options: WorkerRunOptions<C> = {},
  ): Promise<O> {
    // A promised input that fails while the task waits for a slot fails the task, not the process.
    if (input instanceof Promise) input.catch(() => undefined);
    options.signal?.throwIfAborted();
    // A task cancelled while it waits for a slot leaves the queue at once.
    return this.queue.add(() => this.runNow<O>(module, input, options), {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  /**
   * Starts a worker for `module` ahead of its next task (sdk/main/workers.ts `prepare`): it loads the
   * module and runs its `warmUp` while it waits for the input. Nothing if one already waits.
   */
  prepare(module: URL): void {
    if (this.stopped || this.prepared.has(module.href)) return;
    const worker = this.spawn(
      module,
      { moduleUrl: module.href, input: null, inputFollows: true, chunksFollow: false, warmUp: true },
      DEFAULT_WORKER_MEMORY_MB,
    );
    const drop = (): void => {
      clearTimeout(idle);
      if (this.prepared.get(module.href)?.worker === worker) this.prepared.delete(module.href);
      this.workers.delete(worker);
      void worker.terminate();
    };
    const onError = (error: Error): void => {
      this.log.warn({ task: taskName(module), err: error }, 'prepared worker failed');
      drop();
    };
    worker.on('error', onError);
    worker.on('exit', drop);
    const idle = setTimeout(drop, PREPARED_IDLE_MS);
    idle.unref();
    this.prepared.set(module.href, {
      worker,
      take: () => {
        clearTimeout(idle);
        worker.off('error', onError);
        worker.off('exit', drop);
        this.prepared.delete(module.href);
        return worker;
      },
    });
  }

  /** Ends every running and prepared worker (host shutdown); their tasks reject. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.clear();
    for (const prepared of [...this.prepared.values()]) prepared.take();
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  /** A worker of the module's own, with the heap cap; its console goes to the log. */
  private spawn(module: URL, start: WorkerStart, memoryMb: number): Worker {
    const worker = new Worker(ENTRY, {
      workerData: start,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
      // A worker's console would go to the host's stdout; the log is the place.
      stdout: true,
      stderr: true,
    });
    this.workers.add(worker);
    const task = taskName(module);
    // Drain the worker's console so it never blocks; anything printed goes to the log.
    worker.stdout.on('data', (chunk: Buffer) =>
      this.log.info({ task, out: chunk.toString() }, 'worker output'),
    );
    worker.stderr.on('data', (chunk: Buffer) =>
      this.log.warn({ task, out: chunk.toString() }, 'worker output'),
    );
    return worker;
  }

  private runNow<O>(module: URL, input: unknown, options: WorkerRunOptions<unknown>): Promise<O> {
    // A promised input: the worker starts now and loads its modules while the input is still being read.
    const inputFollows = input instanceof Promise;
    if (this.stopped) return Promise.reject(new AppError('CONFLICT', '应用正在关闭，任务未执行'));
    options.signal?.throwIfAborted();
    const memoryMb = options.maxMemoryMb ?? DEFAULT_WORKER_MEMORY_MB;
    const timeoutMs = options.timeoutMs ?? DEFAULT_WORKER_TIMEOUT_MS;
    // A prepared worker has the default limits and awaits its input as a message.
    const prepared =
      memoryMb === DEFAULT_WORKER_MEMORY_MB && options.chunks === undefined
        ? (this.prepared.get(module.href)?.take() ?? null)
        : null;
    const worker =
      prepared ??
      this.spawn(
        module,
        {
          moduleUrl: module.href,
          input: inputFollows ? null : input,
          inputFollows,
          chunksFollow: options.chunks !== undefined,
          warmUp: false,
        },
        memoryMb,
      );
    if (prepared !== null && !inputFollows)
      worker.postMessage({ kind: 'input', input } satisfies WorkerInput);
    const task = taskName(module);
    const feed = options.chunks === undefined ? null : new ChunkFeed(worker);
    return new Promise<O>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        feed?.stop();
        options.signal?.removeEventListener('abort', onAbort);
        this.workers.delete(worker);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new AppError(
                'INTERNAL',
                `后台任务超过 ${Math.round(timeoutMs / 60_000)} 分钟仍未完成，已终止`,
                {
                  reason: 'worker-timeout',
                },
              ),
            ),
          ),
        timeoutMs,
      );
      const onAbort = (): void => settle(() => reject(options.signal?.reason));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (inputFollows) {
        (input as Promise<unknown>).then(
          (value) => {
            if (!settled) worker.postMessage({ kind: 'input', input: value } satisfies WorkerInput);
          },
          (error: unknown) => settle(() => reject(error)),
        );
      }
      if (feed !== null && options.chunks !== undefined) {
        feed.run(options.chunks).catch((error: unknown) => settle(() => reject(error)));
      }
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'pull') {
          feed?.pulled();
        } else if (reply.kind === 'progress') {
          options.onProgress?.(reply.message);
        } else if (reply.kind === 'done') {
          settle(() => resolve(reply.result as O));
        } else if (reply.appError !== null) {
          const body = reply.appError;
          settle(() => reject(new AppError(body.code, body.message, body.details)));
        } else {
          this.log.error({ task, error: reply.message }, 'worker task failed');
          settle(() =>
            reject(
              new AppError('INTERNAL', '后台任务出错，请稍后重试或查看日志。', { reason: 'worker-error' }),
            ),
          );
        }
      });
      worker.on('error', (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.log.error(
          { task, err: error, memoryMb },
          outOfMemory ? 'worker out of memory' : 'worker crashed',
        );
        settle(() =>
          reject(
            outOfMemory
              ? new AppError(
                  'INTERNAL',
                  `后台任务所需内存超过上限 ${memoryMb} MB，已终止：数据或文件过大，程序其余部分不受影响`,
                  { reason: 'worker-out-of-memory', memoryMb },
                )
              : new AppError(
                  'INTERNAL',
                  '后台任务意外崩溃，已终止：程序其余部分不受影响，请稍后重试或查看日志',
                  {
                    reason: 'worker-crashed',
                  },
                ),
          ),
        );
      });
      worker.on('exit', (code) => {
        this.workers.delete(worker);
        settle(() => {
          this.log.error({ task, code }, 'worker exited without a result');
          reject(
            new AppError('INTERNAL', `后台任务意外退出（退出码 ${code}），已终止：程序其余部分不受影响`, {
              reason: 'worker-exited',
              exitCode: code,
            }),
          );
        });
      });
    });
  }
}

/** The module as logs name it: its folder and file. */
function taskName(module: URL): string {
  return module.pathname.split('/').slice(-2).join('/');
}

// Heavy CPU work off the main thread (docs/architecture.md, Workers): a plugin names one of its own
// modules; the host runs that module's exported `task` in a worker thread with a memory cap and a time
// limit. A crash, an out-of-memory or a timeout fails only that task, with a Chinese message.

/**
 * What a worker module exports as `task`. Input, chunks and result cross threads by structured clone:
 * plain data, Dates, Maps (no functions, no class instances). `progress` sends a message to `onProgress`.
 * `chunks` yields the pieces given as `WorkerRunOptions.chunks`, in order (none when none were given).
 * Throw an AppError to fail with its code and message (they cross the thread as they are).
 */
export type WorkerTask<I, O, C = never> = (
  input: I,
  progress: (message: unknown) => void,
  chunks: AsyncIterable<C>,
) => Promise<O>;

/**
 * What a worker module may export as `warmUp`: run in a prepared worker (`PluginWorkers.prepare`) before
 * its input arrives, on data of its own (never the user's), so the task's code is compiled by then.
 */
export type WorkerWarmUp = () => Promise<void>;

export interface WorkerRunOptions<C = never> {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (message: unknown) => void;
  /** Old-generation heap of the worker (default 256 MB). */
  maxMemoryMb?: number;
  /** Ends the worker after this long (default 10 minutes). */
  timeoutMs?: number;
  /**
   * Input that follows in pieces (a big export's rows, a page at a time), read while the worker works on
   * the pieces before: the task reads them as its `chunks`. The host reads the next piece only when the
   * task has taken one of the few sent ahead, so the whole never sits in memory on either side. A piece
   * that fails to be read fails the task; a task that ends early stops the reading.
   */
  chunks?: AsyncIterable<C>;
}

export interface PluginWorkers {
  /**
   * Runs `task` of `module` (a file URL inside the plugin's own folder, usually
   * `new URL('./x-worker.js', import.meta.url)`) in a worker thread; tasks beyond the pool's size wait.
   * `input` may be a promise: the worker starts (and loads its modules) meanwhile and gets the input
   * when it settles; a rejected input fails the task.
   */
  run<I, O, C = never>(module: URL, input: I | Promise<I>, options?: WorkerRunOptions<C>): Promise<O>;
  /**
   * Starts a worker for `module` now, ready for its next `run` with the default limits and no chunks:
   * its modules load and its exported `warmUp` runs meanwhile, so that task starts without the worker's
   * start-up and with its code compiled (a check-in parse's first sheets run about three times slower
   * cold). One per module at a time; each prepared worker runs one task only, like any other, and one
   * left unused for 10 minutes is ended. Call it when a task is likely soon (a page that starts one
   * opened); calling it again while one waits does nothing.
   */
  prepare(module: URL): void;
}

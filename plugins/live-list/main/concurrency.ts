// Small building blocks of the concurrent sync: bounded lanes over a list, one writer for the database,
// and an Observable collected under an AbortSignal.
import type { Observable } from 'rxjs';
import { nextTurn } from '../../../sdk/main/event-loop.js';

/**
 * Runs `work` for every item with at most `lanes` in flight. The first error aborts the lanes' shared
 * signal (so calls in flight stop) and is thrown once every lane has settled: nothing is left running
 * behind the caller's back (a runtime that stops next closes the database only after that).
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  lanes: number,
  signal: AbortSignal,
  work: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const failed = new AbortController();
  const combined = AbortSignal.any([signal, failed.signal]);
  let next = 0;
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    while (next < items.length && !combined.aborted) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item, combined);
      } catch (error) {
        errors.push(error);
        failed.abort(error);
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  signal.throwIfAborted();
  if (errors.length > 0) throw errors[0];
}

/**
 * Runs database work one task at a time. The sync's lanes fetch from WeCom in parallel but hand their
 * writes here, so at most one of the sync's transactions waits for the (single) SQLite connection and a
 * request such as `host.status` never queues behind a pile of them.
 */
export class SerialWriter {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    // Yield to pending I/O first: a request that arrived meanwhile takes the connection before the next
    // transaction does, so it waits for at most one of ours.
    const result = this.tail.then(nextTurn).then(task);
    // The chain goes on whatever one task did; the task's own caller sees its error.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task handed in so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

interface Queued<I, O> {
  item: I;
  weight: number;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Hands items to `write` in batches, one batch at a time through a SerialWriter: whatever is queued when
 * the writer gets its turn, up to the weight the batches so far say fits in `targetMs` (a slower or busier
 * machine gets smaller transactions, so a request waiting for the database never waits long), at least
 * one item. Each item's promise settles with its own result, or the batch's error.
 */
export class BatchingWriter<I, O> {
  private readonly queue: Array<Queued<I, O>> = [];
  private scheduled = false;
  private msPerWeight: number;

  constructor(
    private readonly writer: SerialWriter,
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly targetMs: number,
    initialMsPerWeight: number,
  ) {
    this.msPerWeight = initialMsPerWeight;
  }

  add(item: I, weight: number): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, weight, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // flush settles every item it takes itself: the writer's own promise has nothing left to report.
    this.writer.run(() => this.flush()).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const budget = this.targetMs / this.msPerWeight;
    const batch: Array<Queued<I, O>> = [];
    let weight = 0;
    for (let next = this.queue[0]; next !== undefined; next = this.queue[0]) {
      if (batch.length > 0 && weight + next.weight > budget) break;
      batch.push(next);
      this.queue.shift();
      weight += next.weight;
    }
    const started = performance.now();
    try {
      const results = await this.write(batch.map((entry) => entry.item));
      const measured = (performance.now() - started) / Math.max(1, weight);
      this.msPerWeight = Math.min(10, Math.max(0.001, (this.msPerWeight + measured) / 2));
      batch.forEach((entry, index) => entry.resolve(results[index] as O));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
    this.schedule();
  }
}

/** Every value of a finite Observable; aborting unsubscribes (which cancels a paged request in flight). */
export function collect<T>(source: Observable<T>, signal: AbortSignal): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const values: T[] = [];
    const onAbort = (): void => {
      subscription.unsubscribe();
      reject(signal.reason);
    };
    const subscription = source.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
      complete: () => {
        signal.removeEventListener('abort', onAbort);
        resolve(values);
      },
    });
    if (!subscription.closed) signal.addEventListener('abort', onAbort, { once: true });
  });
}

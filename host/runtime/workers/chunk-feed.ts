// The host's side of a task's chunks (WorkerRunOptions.chunks): sends them to the worker in order with a
// credit of CHUNKS_AHEAD, reading the next only once the task has taken one, so a reader faster than the
// worker never piles a big export up in memory. Its worker's side is chunk-inbox.ts.
import type { Worker } from 'node:worker_threads';
import type { WorkerChunk, WorkerChunksEnd } from './worker-messages.js';

/** Chunks sent and not yet taken by the task, at most: one being worked on, one waiting. */
export const CHUNKS_AHEAD = 2;

export class ChunkFeed {
  private credit = CHUNKS_AHEAD;
  private wake: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly worker: Worker) {}

  /** The task took a chunk: one more may go. */
  pulled(): void {
    this.credit += 1;
    this.resume();
  }

  /** The task settled (or was cancelled): no more reading; the source's iterator is closed. */
  stop(): void {
    this.stopped = true;
    this.resume();
  }

  /** Sends every chunk of `chunks`, then the end; rejects with the source's error. */
  async run(chunks: AsyncIterable<unknown>): Promise<void> {
    // Leaving the loop early (return) closes the source, so a paged read stops reading.
    for await (const chunk of chunks) {
      if (this.stopped) return;
      this.credit -= 1;
      this.worker.postMessage({ kind: 'chunk', chunk } satisfies WorkerChunk);
      while (this.credit <= 0 && !this.stopped) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      if (this.stopped) return;
    }
    if (!this.stopped) this.worker.postMessage({ kind: 'end' } satisfies WorkerChunksEnd);
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

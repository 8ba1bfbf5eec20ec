// The worker's side of a task's chunks (chunk-feed.ts is the host's): the chunks that arrived, handed to
// the task in order as its `chunks`; each one taken tells the host it may send another.

export class ChunkInbox implements AsyncIterable<unknown> {
  private readonly queued: unknown[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  /** `taken` runs as the task takes each chunk (the worker's pull message). */
  constructor(private readonly taken: () => void) {}

  put(chunk: unknown): void {
    this.queued.push(chunk);
    this.resume();
  }

  end(): void {
    this.ended = true;
    this.resume();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<unknown, void, undefined> {
    for (;;) {
      if (this.queued.length > 0) {
        const chunk = this.queued.shift();
        this.taken();
        yield chunk;
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

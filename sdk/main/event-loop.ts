// The main thread (Electron's main process) answers every window and request: work there runs in short
// pieces. Between two pieces of CPU work (matching one round, then the next), `nextTurn` lets the event
// loop take what waits (docs/architecture.md, "Live store"). Queries outside a transaction do this
// by themselves (host/runtime/storage/cooperative-queries.ts); heavy work belongs in a worker (workers.ts).

/** Resolves after the event loop has taken its pending I/O and timers. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

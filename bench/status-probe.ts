// Event-loop stall as users feel it: `host.status` asked over HTTP one request after another while some
// work runs in the server; the slowest answer is the longest time a window would have waited.
import { rpc, type ServeReady } from './child-processes.js';

/**
 * The pause after each answer. A stall is seen to within this much (the request sent next waits for all
 * of the stall but this pause at most), and each probe costs the server about a millisecond of CPU, so
 * a figure about the server's own CPU wants fewer of them.
 */
export const DEFAULT_PAUSE_MS = 10;

export class StatusProbe {
  private readonly latencies: number[] = [];
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly server: ServeReady,
    readonly pauseMs = DEFAULT_PAUSE_MS,
  ) {}

  start(): void {
    this.stopping = false;
    this.running = (async () => {
      while (!this.stopping) {
        const started = performance.now();
        await rpc(this.server, 'host.status');
        this.latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
      }
    })();
  }

  /** Stops asking and answers every latency measured (ms). */
  async stop(): Promise<number[]> {
    this.stopping = true;
    await this.running;
    return [...this.latencies];
  }

  /** Latencies of `host.status` over `ms` with nothing else running (the baseline of the same run). */
  static async idle(server: ServeReady, ms: number, pauseMs = DEFAULT_PAUSE_MS): Promise<number[]> {
    const probe = new StatusProbe(server, pauseMs);
    probe.start();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return probe.stop();
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function describeLatencies(values: readonly number[]): string {
  return (
    `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, ` +
    `max ${Math.max(...values).toFixed(1)} ms (${values.length} calls)`
  );
}

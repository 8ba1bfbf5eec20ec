/**
 * `live-list.export` of every live of the big store (10,000 lives, no filter) through the product's job
 * over HTTP, as the list page starts it: the time from the call to the job's end, and the slowest
 * `host.status` meanwhile (the event-loop stall the export causes; goal ≤ 250 ms).
 */
import type { JobSnapshot } from '../sdk/contracts/jobs.js';
import type { BenchSection } from './report.js';
import type { BigStore } from './big-store.js';
import { STALL_GOAL_MS } from './detail-bench.js';

const RUNS = 3;

export async function benchListExport(store: BigStore): Promise<BenchSection> {
  const seconds: number[] = [];
  let stall = 0;
  let rows = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { ms } = await store.call('host.status', {});
        stall = Math.max(stall, ms);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const started = performance.now();
    const { result } = await store.call('live-list.export', {});
    if (!result.ok) throw new Error(`live-list.export: ${result.error.message}`);
    const { jobId } = result.data as { jobId: string };
    let job: JobSnapshot;
    for (;;) {
      const { result: polled } = await store.call('jobs.get', { jobId });
      if (!polled.ok) throw new Error(`jobs.get: ${polled.error.message}`);
      job = polled.data as JobSnapshot;
      if (['done', 'failed', 'cancelled'].includes(job.state)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    seconds.push((performance.now() - started) / 1000);
    polling = false;
    await poller;
    if (job.state !== 'done') throw new Error(`list export ${job.state}: ${JSON.stringify(job.error)}`);
    rows = (job.result as { rows: number }).rows;
  }
  seconds.sort((a, b) => a - b);
  return {
    title: `live-list.export over HTTP (every live of the big store, through the job)`,
    rows: [
      ['rows exported', `${rows}`],
      [
        'time (median of 3, call → job done)',
        `${(seconds[1] ?? 0).toFixed(2)} s (runs ${seconds.map((value) => value.toFixed(2)).join(' / ')} s)`,
      ],
      [
        'host.status meanwhile (max)',
        `${stall.toFixed(1)} ms: stall ≤ ${STALL_GOAL_MS} ms ${stall <= STALL_GOAL_MS ? 'holds' : 'NOT MET'}`,
      ],
    ],
  };
}

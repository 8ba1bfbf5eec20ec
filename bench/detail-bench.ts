/**
 * `live-detail.get` of the 3,000-viewer live of the big store, over HTTP with a member's session: first,
 * next, middle and last pages, bigger pages, searches (no WeCom pull: the local answer the page shows at
 * once). A second client asks `host.status` throughout: its worst latency is the event-loop stall a
 * detail open causes.
 */
import type { BenchSection } from './report.js';
import { percentile, timeCalls, type BigStore } from './big-store.js';

const ROUNDS = 5;
export const DETAIL_GOAL_MS = 100;
export const STALL_GOAL_MS = 250;

export async function benchDetail(store: BigStore): Promise<BenchSection> {
  const livingid = store.seeded.bigLivingid;
  const viewers = 3_000;
  const inputs = [
    { livingid, page: 1, pageSize: 20 },
    { livingid, page: 2, pageSize: 20 },
    { livingid, page: 75, pageSize: 20 },
    { livingid, page: viewers / 20, pageSize: 20 },
    { livingid, page: 1, pageSize: 100 },
    { livingid, page: 30, pageSize: 100 },
    { livingid, page: 1, pageSize: 20, keyword: '王' },
    { livingid, page: 1, pageSize: 20, keyword: 'member1' },
  ];
  // The page's header sorts, over every page of the 3,000 viewers (pinyin names, check-in counts, inviters).
  const sorted = [
    { livingid, page: 1, pageSize: 20, sort: { column: 'name', direction: 'asc' } },
    { livingid, page: 75, pageSize: 20, sort: { column: 'checkins', direction: 'desc' } },
    { livingid, page: 150, pageSize: 20, sort: { column: 'inviter', direction: 'asc' } },
    { livingid, page: 1, pageSize: 20, keyword: '王', sort: { column: 'watchTime', direction: 'asc' } },
  ];
  await timeCalls(store, 'live-detail.get', [inputs[0]], 3);
  let polling = true;
  const stalls: number[] = [];
  const poller = (async () => {
    while (polling) {
      const { ms } = await store.call('host.status', {});
      stalls.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const plain = await timeCalls(store, 'live-detail.get', inputs, ROUNDS);
  const bySort = await timeCalls(store, 'live-detail.get', sorted, ROUNDS);
  polling = false;
  await poller;
  const timings = [...plain, ...bySort];
  const p95 = percentile(timings, 95);
  const stall = Math.max(...stalls);
  return {
    title: `live-detail.get over HTTP (the ${viewers}-viewer live, 10 check-in rounds × 5,000 rows)`,
    rows: [
      [
        'calls',
        `${timings.length}: pages 1/2/75/150 of 20, 1/30 of 100, two searches; ` +
          'header sorts by name, check-ins, inviter and watch time (with a search)',
      ],
      ['p95 / median, all calls', `${p95.toFixed(1)} ms / ${percentile(timings, 50).toFixed(1)} ms`],
      [
        'p95 default order / header sorts',
        `${percentile(plain, 95).toFixed(1)} ms / ${percentile(bySort, 95).toFixed(1)} ms`,
      ],
      ['goal p95 ≤ 100 ms', p95 <= DETAIL_GOAL_MS ? 'holds' : 'NOT MET'],
      [
        'host.status meanwhile (max / p95)',
        `${stall.toFixed(1)} ms / ${percentile(stalls, 95).toFixed(1)} ms over ${stalls.length} calls: ` +
          `stall ≤ ${STALL_GOAL_MS} ms ${stall <= STALL_GOAL_MS ? 'holds' : 'NOT MET'}`,
      ],
    ],
  };
}

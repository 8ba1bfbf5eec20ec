/** The query scenarios on one big store: seeded once, served once, host.status as the baseline. */
import { openBigStore } from './big-store.js';
import { benchDetail } from './detail-bench.js';
import { benchListExport } from './list-export-bench.js';
import { benchListQuery, hostStatusP95 } from './list-query-bench.js';
import type { BenchSection } from './report.js';

export async function benchStoreQueries(): Promise<BenchSection[]> {
  const store = await openBigStore();
  try {
    const status = await hostStatusP95(store);
    const seeded = store.seeded;
    const setup: BenchSection = {
      title: 'Big store (tests/support/seed-store.ts)',
      rows: [
        [
          'seeded',
          `${seeded.lives} lives, ${seeded.viewers} viewers, ${seeded.people} cached people, ` +
            `${seeded.checkinRows} check-in rows in ${store.seedSeconds.toFixed(1)} s`,
        ],
        [
          'host.status over HTTP (p95 / median)',
          `${status.p95.toFixed(2)} ms / ${status.median.toFixed(2)} ms`,
        ],
      ],
    };
    return [
      setup,
      await benchListQuery(store, status.p95),
      await benchDetail(store),
      await benchListExport(store),
    ];
  } finally {
    await store.close();
  }
}

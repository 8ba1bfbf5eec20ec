// Query plans of the hot read paths on a realistically sized store (a real SQLite file seeded in a few
// transactions): 10,000 lives, 50,000 viewers plus one live of 3,000 with 10 check-in rounds × 5,000 rows,
// a name cache of 50,000 people. Every query the list, the detail (rows, count, profile, check-ins), the
// unmatched check-ins and the detail export run is captured and explained: no full scan of a big table
// where an index applies, and no sort of a page's rows that an index already gives in order.
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { LiveSortField, ViewerDetail } from '../../../sdk/contracts/lives.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { seedStore } from '../../../tests/support/seed-store.js';
import { openDatabase } from '../storage/database.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { LiveStoreService } from './live-store.js';

const CORP = 'corp-plans';
const BIG_TABLES = ['lives', 'live_viewers', 'live_people', 'live_checkin_records', 'live_checkin_rounds'];
const SORTS: LiveSortField[] = ['start', 'theme', 'status', 'viewerNum', 'createdAt', 'lastSyncedAt'];

interface Captured {
  sql: string;
  bindings: readonly unknown[];
}

describe('query plans at scale (10,000 lives, 3,000-viewer live, 50,000 check-in rows)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;
  let bigLivingid: string;

  beforeAll(async () => {
    dir = tempDataDir('query-plans');
    db = openDatabase({ filename: join(dir, 'data.sqlite') });
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    await db('corps').insert({
      corp_id: CORP,
      corpname: CORP,
      corpid: 'wwplans',
      agentid: 1000002,
      secret_cipher: 'x',
      created_at: 0,
      updated_at: 0,
    });
    const seeded = await seedStore(db, CORP, {
      lives: 10_000,
      viewersPerLive: 5,
      bigLiveViewers: 3_000,
      bigLiveRounds: 10,
      rowsPerRound: 5_000,
      members: 20_000,
      externals: 30_000,
    });
    bigLivingid = seeded.bigLivingid;
    store = new LiveStoreService(db, { now: () => Date.now() });
  }, 120_000);

  afterAll(async () => {
    await db.destroy();
    removeDir(dir);
  });

  /** Runs `work`, then answers the plan of every query it sent, each as its steps. */
  async function plansOf(work: () => Promise<unknown>): Promise<Array<{ sql: string; steps: string[] }>> {
    const captured: Captured[] = [];
    const listener = (query: Captured) => captured.push({ sql: query.sql, bindings: query.bindings });
    db.on('query', listener);
    try {
      await work();
    } finally {
      db.removeListener('query', listener);
    }
    const plans = [];
    for (const query of captured) {
      const rows = (await db.raw(
        `explain query plan ${query.sql}`,
        query.bindings as Knex.RawBinding[],
      )) as Array<{
        detail: string;
      }>;
      plans.push({ sql: query.sql, steps: rows.map((row) => row.detail) });
    }
    return plans;
  }

  /** No full scan of a big table (a SCAN of a subquery or a counter is fine) and, if asked, no ORDER BY sort. */
  function expectIndexed(plans: Array<{ sql: string; steps: string[] }>, sortedByIndex: RegExp[] = []): void {
    expect(plans.length).toBeGreaterThan(0);
    for (const { sql, steps } of plans) {
      const context = `${sql}\n${steps.join('\n')}`;
      for (const step of steps) {
        const scanned = /^SCAN (\w+)(?: AS \w+)?(?: USING (?:COVERING )?INDEX \S+)?$/.exec(step);
        const table = scanned?.[1];
        expect(table !== undefined && (BIG_TABLES.includes(table) || /^(v|vp|pi|pe|r|c|pk)$/.test(table)))
          .withContext(context)
          .toBeFalse();
      }
      if (sortedByIndex.some((pattern) => pattern.test(sql))) {
        expect(steps.some((step) => step.includes('USE TEMP B-TREE FOR ORDER BY')))
          .withContext(context)
          .toBeFalse();
      }
    }
  }

  const LIST_ROWS = /^select `lives`\.\*/;

  for (const field of SORTS) {
    for (const direction of ['desc', 'asc'] as const) {
      it(`walks the ${field} ${direction} index for a list page, first and last, with and without a keyword`, async () => {
        const plans = await plansOf(async () => {
          for (const page of [1, 500]) {
            await store.list(CORP, { page, pageSize: 20, sort: { field, direction } });
          }
          await store.list(CORP, { page: 3, pageSize: 20, keyword: '培训', sort: { field, direction } });
        });
        expectIndexed(plans, [LIST_ROWS]);
        const rows = plans.filter((plan) => LIST_ROWS.test(plan.sql));
        expect(rows.length).toBe(3);
        for (const { steps } of rows) {
          expect(steps.some((step) => /^SEARCH lives USING INDEX lives_sort_\w+ \(corp_id=\?\)/.test(step)))
            .withContext(steps.join('\n'))
            .toBeTrue();
        }
      });
    }
  }

  it('answers a list page’s check-in totals and a start range without scanning', async () => {
    const page = await store.list(CORP, {
      page: 1,
      pageSize: 200,
      sort: { field: 'viewerNum', direction: 'desc' },
    });
    expect(page.rows[0]?.livingid).toBe(bigLivingid);
    const plans = await plansOf(async () => {
      await store.checkinTotals(
        CORP,
        page.rows.map((live) => live.livingid),
      );
      await store.list(CORP, { page: 2, pageSize: 20, from: 1, to: Math.floor(Date.now() / 1000) });
    });
    expectIndexed(plans, [LIST_ROWS]);
  });

  it('keeps on the viewers only the indexes these reads use (each one costs every viewer written)', async () => {
    const indexes = (await db.raw("pragma index_list('live_viewers')")) as Array<{ name: string }>;
    expect(indexes.map((index) => index.name).sort()).toEqual([
      'live_viewers_live_id_viewer_kind_viewer_id_unique',
      'live_viewers_watch_order_index',
    ]);
  });

  it('reads a detail page (rows, count, check-ins, profile) and a search through indexes', async () => {
    for (const query of [
      { page: 1, pageSize: 20 },
      { page: 150, pageSize: 20 },
      { page: 1, pageSize: 20, keyword: '王' },
    ]) {
      const plans = await plansOf(async () => {
        await store.viewerDetails(CORP, bigLivingid, query);
        await store.viewerProfileCounts(CORP, bigLivingid, [60, 300, 900, 1800, 3600]);
        await store.unmatchedCheckins(CORP, bigLivingid, { page: 1, pageSize: 1 });
      });
      expectIndexed(plans, [/^select `v`\.\*/]);
      const rows = plans.find((plan) => /^select `v`\.\*/.test(plan.sql));
      expect(rows?.steps.some((step) => step.includes('live_viewers_watch_order_index'))).toBeTrue();
      const checkins = plans.find((plan) =>
        /^select `round_id`, `viewer_kind`, `viewer_id`, `checked_at`/.test(plan.sql),
      );
      expect(checkins?.steps.join('\n')).toMatch(
        /SEARCH live_checkin_records USING INDEX live_checkin_records_viewer_index \(round_id=\? AND match_state=\? AND viewer_id=\?\)/,
      );
    }
  });

  it('counts the check-in figures of a fresh import through the record index', async () => {
    // A fresh store instance: nothing kept yet, so the figures are counted now.
    const fresh = new LiveStoreService(db, { now: () => Date.now() });
    const plans = await plansOf(async () => {
      await fresh.viewerProfileCounts(CORP, bigLivingid, [60]);
      await fresh.checkinTotals(CORP, [bigLivingid]);
    });
    expectIndexed(plans);
    const records = plans.filter((plan) => plan.sql.includes('live_checkin_records'));
    expect(records.length).toBeGreaterThan(0);
    for (const { steps } of records) {
      expect(
        steps.some((step) =>
          /live_checkin_records_viewer_index|live_checkin_records_round_id_row_no_unique/.test(step),
        ),
      )
        .withContext(steps.join('\n'))
        .toBeTrue();
    }
  });

  it('pages the unmatched check-ins and reads the whole live for the export in index order', async () => {
    const read: ViewerDetail[] = [];
    const plans = await plansOf(async () => {
      await store.unmatchedCheckins(CORP, bigLivingid, { page: 40, pageSize: 20 });
      await store.unmatchedCheckins(CORP, bigLivingid, { keyword: '路人1' });
      // The detail export's reads: every joined viewer a page at a time, and every unmatched row.
      const stream = await store.viewerDetailPages(CORP, bigLivingid, 500);
      for await (const page of stream.pages) read.push(...page);
      await store.unmatchedCheckins(CORP, bigLivingid, {});
    });
    expectIndexed(plans, [/^select `c`\.`round_no`/, /^select `v`\.\*/]);
    // Every page after the first walks the watch-order index from where the last one ended.
    const pages = plans.filter((plan) => /^select `v`\.\*/.test(plan.sql));
    expect(pages.length).toBe(3_000 / 500 + 1);
    for (const { sql, steps } of pages.slice(1)) {
      expect(steps.join('\n'))
        .withContext(sql)
        .toMatch(/SEARCH v USING INDEX live_viewers_watch_order_index \(live_id=\? AND watch_time<\?\)/);
    }
    const all = await store.viewerDetails(CORP, bigLivingid, {});
    expect(all.rows.length).toBe(3_000);
    expect(read).toEqual(all.rows);
  });
});

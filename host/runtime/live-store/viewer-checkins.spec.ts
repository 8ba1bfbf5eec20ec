// The detail page's query on a realistically sized store (a real SQLite file): 3,000 viewers of one live
// and a name cache of 100,000 people. Every join of live_people must use its key, never a scan per viewer.
import { join } from 'node:path';
import type { Knex } from 'knex';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { openDatabase } from '../storage/database.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { LiveStoreService } from './live-store.js';
import { detailQuery, detailRowsQuery } from './viewer-checkins.js';

const VIEWERS = 3_000;
const PEOPLE = 100_000;
const BATCH = 500;

interface PlanRow {
  detail: string;
}

describe('viewer details query plan (3,000 viewers, 100,000 cached people)', () => {
  let dir: string;
  let db: Knex;
  let liveId: number;

  const memberId = (n: number): string => `Member${n}Zhang`;
  const externalId = (n: number): string => `wmExt${String(n).padStart(6, '0')}`;

  beforeAll(async () => {
    dir = tempDataDir('viewer-plan');
    db = openDatabase({ filename: join(dir, 'data.sqlite') });
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    await db.transaction(async (trx) => {
      await trx('corps').insert({
        corp_id: 'corp-a',
        corpname: 'corp-a',
        corpid: 'wwcorp-a',
        agentid: 1000002,
        secret_cipher: 'x',
        created_at: 0,
        updated_at: 0,
      });
      const [live] = (await trx('lives')
        .insert({ corp_id: 'corp-a', livingid: 'lv-big', type: 4, created_at: 0, updated_at: 0 })
        .returning('id')) as Array<{ id: number }>;
      liveId = live?.id ?? 0;
      for (let start = 0; start < PEOPLE; start += BATCH) {
        const rows = [];
        for (let n = start; n < Math.min(PEOPLE, start + BATCH); n += 1) {
          const internal = n % 2 === 0;
          rows.push({
            corp_id: 'corp-a',
            person_kind: internal ? 'internal' : 'external',
            person_id: internal ? memberId(n) : externalId(n),
            name: `姓名${n}`,
            source: internal ? 'user-get' : 'watch-stat',
            updated_at: 0,
          });
        }
        await trx('live_people').insert(rows);
      }
      for (let start = 0; start < VIEWERS; start += BATCH) {
        const rows = [];
        for (let n = start; n < Math.min(VIEWERS, start + BATCH); n += 1) {
          // Viewers are people of the cache; a third invited by a member, a third by an external user.
          const internal = n % 2 === 0;
          rows.push({
            live_id: liveId,
            viewer_kind: internal ? 'internal' : 'external',
            viewer_id: internal ? memberId(n) : externalId(n),
            name: internal ? '' : `姓名${n}`,
            watch_time: VIEWERS - n,
            invitor_userid: n % 3 === 1 ? memberId(n + 1000 + (n % 2)) : null,
            invitor_external_userid: n % 3 === 2 ? externalId(n + 1001 - (n % 2)) : null,
            inviter_name: null,
            inviter_rule: n % 3 === 0 ? null : 'none',
            first_seen_at: 0,
            last_synced_at: 0,
          });
        }
        await trx('live_viewers').insert(rows);
      }
    });
  });

  afterAll(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function plan(builder: Knex.QueryBuilder): Promise<string[]> {
    const { sql, bindings } = builder.toSQL();
    const rows = (await db.raw(`explain query plan ${sql}`, bindings)) as PlanRow[];
    return rows.map((row) => row.detail);
  }

  for (const keyword of ['', '姓名12']) {
    it(`joins the name cache on its key for the rows and the count${keyword === '' ? '' : ' (with a keyword)'}`, async () => {
      const rows = await plan(detailRowsQuery(db, 'corp-a', liveId, keyword));
      const count = await plan(detailQuery(db, 'corp-a', liveId, keyword).count({ n: '*' }));
      for (const steps of [rows, count]) {
        const people = steps.filter((step) => /^(SEARCH|SCAN) (vp|pi|pe)\b/.test(step));
        // The whole key, person_id included: a search on corp_id alone reads the corp's every person
        // for each viewer (what made a 3,000-viewer live take minutes).
        for (const step of people) {
          expect(step)
            .withContext(steps.join('\n'))
            .toMatch(
              /^SEARCH (vp|pi|pe) USING (COVERING )?INDEX \S+ \(corp_id=\? AND person_kind=\? AND person_id=\?\)/,
            );
        }
        expect(steps.some((step) => /^SEARCH v USING (COVERING )?INDEX \S+ \(live_id=\?\)/.test(step)))
          .withContext(steps.join('\n'))
          .toBeTrue();
      }
      // The rows read all three names; the count may leave out joins it does not need.
      expect(rows.filter((step) => /^SEARCH (vp|pi|pe) /.test(step)).length)
        .withContext(rows.join('\n'))
        .toBe(3);
    });
  }

  it('answers the joined names for every viewer of the big live', async () => {
    const store = new LiveStoreService(db, { now: () => 0 });
    const answer = await store.viewerDetails('corp-a', 'lv-big', { page: 1, pageSize: 500 });
    expect(answer.total).toBe(VIEWERS);
    expect(answer.rows.length).toBe(500);
    const all = await store.viewerDetails('corp-a', 'lv-big', {});
    expect(all.rows.length).toBe(VIEWERS);
    for (const [n, row] of all.rows.entries()) {
      // Longest watch first: row n is viewer n.
      expect(row.name).toBe(`姓名${n}`);
      if (n % 3 === 1) expect(row.inviterName).toBe(`姓名${n + 1000 + (n % 2)}`);
      else if (n % 3 === 2) expect(row.inviterName).toBe(`姓名${n + 1001 - (n % 2)}`);
      else expect(row.inviterName).toBeNull();
    }
    // Viewer 1014 by name, viewer 13 by their inviter (member 1014).
    const searched = await store.viewerDetails('corp-a', 'lv-big', { keyword: '姓名1014' });
    expect(searched.rows.map((row) => row.viewerId)).toEqual([externalId(13), memberId(1014)]);
    expect(searched.total).toBe(2);
  });
});

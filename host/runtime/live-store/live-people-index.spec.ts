// The name-cache lookup of a viewers' merge (corp and person id, any kind) uses migration 006's index at
// a realistic cache size, and the merge still names inviters from the cache through it.
import type { Knex } from 'knex';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { LiveStoreService } from './live-store.js';
import { openCorpDatabase } from '../../../tests/support/live-store-db.js';

const CACHED_PEOPLE = 20_000;

describe('live_people lookup by person id (migration 006)', () => {
  let dir: string;
  let db: Knex;

  beforeAll(async () => {
    dir = tempDataDir('live-people');
    db = await openCorpDatabase(dir);
    const rows = Array.from({ length: CACHED_PEOPLE }, (_, index) => ({
      corp_id: 'corp-a',
      person_kind: index % 4 === 0 ? 'internal' : 'external',
      person_id: index % 4 === 0 ? `user${index}` : `wm${index}`,
      name: `名字${index}`,
      source: 'watch-stat',
      updated_at: 0,
    }));
    for (let start = 0; start < rows.length; start += 2_000) {
      await db.batchInsert('live_people', rows.slice(start, start + 2_000), 100);
    }
    await db.raw('analyze');
  });

  afterAll(async () => {
    await db.destroy();
    removeDir(dir);
  });

  it('searches the index on (corp_id, person_id) instead of every person of the corp', async () => {
    const ids = Array.from({ length: 500 }, (_, index) => `wm${index * 7}`);
    const lookup = db('live_people')
      .where('corp_id', 'corp-a')
      .whereIn('person_id', ids)
      .select('person_kind', 'person_id', 'name')
      .toSQL()
      .toNative();
    const plan = (await db.raw(`explain query plan ${lookup.sql}`, lookup.bindings)) as Array<{
      detail: string;
    }>;
    const details = plan.map((step) => step.detail).join(' | ');
    expect(details).toContain('live_people_corp_person');
    expect(details).toContain('person_id=?');
  });

  it('names an external inviter from the cache in a merge', async () => {
    const store = new LiveStoreService(db, { now: () => 1_741_800_000_000 });
    await store.mergeLivingInfo('corp-a', 'lv-index', {
      theme: '索引',
      living_start: 1,
      living_duration: 60,
      anchor_userid: 'anchor',
      status: 2,
    });
    await store.mergeWatchStats('corp-a', 'lv-index', [
      {
        ending: 1,
        next_key: '',
        stat_info: {
          users: [],
          external_users: [
            { external_userid: 'wm-new', type: 1, name: '', watch_time: 5, invitor_external_userid: 'wm21' },
          ],
        },
      },
    ]);
    const viewer = (await db('live_viewers').where({ viewer_id: 'wm-new' }).first('inviter_name')) as {
      inviter_name: string | null;
    };
    expect(viewer.inviter_name).toBe('名字21');
  });
});

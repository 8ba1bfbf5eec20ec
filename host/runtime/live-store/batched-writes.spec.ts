// The watch-stat merge's batched writes against a real SQLite file: big lives in several statements, and a
// second pull that writes only what differs yet leaves the same rows as a full upsert would.
import type { Knex } from 'knex';
import type { LivingInfo, WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { rowsPerStatement } from './batched-writes.js';
import { LiveStoreService } from './live-store.js';
import { openCorpDatabase } from '../../../tests/support/live-store-db.js';

const INFO: LivingInfo = {
  theme: '大直播',
  living_start: 1741839370,
  living_duration: 3600,
  anchor_userid: 'WangDeSheng',
  main_department: 1,
  viewer_num: 0,
  comment_num: 0,
  mic_num: 0,
  open_replay: 0,
  status: 2,
  reserve_start: 1741839000,
  reserve_living_duration: 3600,
  description: '',
  type: 0,
  online_count: 0,
  subscribe_count: 0,
};

/** More viewers than one statement takes: members invited by members, external users by each other. */
function bigPages(
  viewers: number,
  watchTimeOf: (n: number) => number,
  nameOf: (n: number) => string,
): WatchStatPage[] {
  const pages: WatchStatPage[] = [];
  for (let start = 0; start < viewers; start += 100) {
    const users: WatchStatPage['stat_info']['users'] = [];
    const external: WatchStatPage['stat_info']['external_users'] = [];
    for (let n = start; n < Math.min(viewers, start + 100); n += 1) {
      if (n % 3 === 0) {
        users.push({
          userid: `Member${n}`,
          watch_time: watchTimeOf(n),
          is_comment: 0,
          is_mic: n % 2,
          invitor_userid: `Member${(n + 3) % viewers}`,
        });
      } else {
        external.push({
          external_userid: `wmExt${n}`,
          type: 1 + (n % 2),
          name: nameOf(n),
          watch_time: watchTimeOf(n),
          is_comment: 1,
          is_mic: 0,
          invitor_external_userid: `wmExt${n % 3 === 1 ? n + 1 : n - 1}`,
        });
      }
    }
    pages.push({
      ending: start + 100 >= viewers ? 1 : 0,
      next_key: `k${start}`,
      stat_info: { users, external_users: external },
    });
  }
  return pages;
}

interface StoredViewer {
  viewer_id: string;
  name: string;
  watch_time: number;
  inviter_name: string | null;
  inviter_rule: string | null;
  raw: string;
  first_seen_at: number;
  last_synced_at: number;
}

describe('LiveStore batched merge writes (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let now: number;
  let store: LiveStoreService;

  beforeEach(async () => {
    dir = tempDataDir('batched-writes');
    db = await openCorpDatabase(dir);
    now = 1_741_800_000_000;
    store = new LiveStoreService(db, { now: () => now });
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function viewersOf(livingid: string): Promise<Map<string, StoredViewer>> {
    const rows = (await db('live_viewers as v')
      .join('lives as l', 'l.id', 'v.live_id')
      .where('l.livingid', livingid)
      .select('v.*')) as StoredViewer[];
    return new Map(rows.map((row) => [row.viewer_id, row]));
  }

  it("keeps multi-row statements within SQLite's bound on parameters", () => {
    expect(rowsPerStatement(15)).toBe(1_000);
    expect(rowsPerStatement(100) * 100).toBeLessThanOrEqual(32_766);
    expect(rowsPerStatement(1, 2)).toBe(1_000);
    expect(rowsPerStatement(40_000)).toBe(1);
  });

  it('stores a live bigger than one statement once, every viewer and every name learnt', async () => {
    const viewers = 2_345;
    await store.mergeLivingInfo('corp-a', 'big', INFO);
    const result = await store.mergeWatchStats(
      'corp-a',
      'big',
      bigPages(
        viewers,
        (n) => n,
        (n) => `外部${n}`,
      ),
    );
    expect(result.viewers).toBe(viewers);
    const stored = await viewersOf('big');
    expect(stored.size).toBe(viewers);
    expect(stored.get('wmExt1')).toEqual(
      jasmine.objectContaining({
        name: '外部1',
        inviter_name: '外部2',
        inviter_rule: 'viewer',
        watch_time: 1,
      }),
    );
    const people = (await db('live_people')
      .where({ corp_id: 'corp-a', source: 'watch-stat' })
      .count({ n: '*' })
      .first()) as { n: number };
    expect(Number(people.n)).toBe(viewers - Math.ceil(viewers / 3));
  });

  it('writes only what changed on a second pull, with the rows a full upsert would leave', async () => {
    const viewers = 1_200;
    const first = bigPages(
      viewers,
      (n) => n,
      (n) => `外部${n}`,
    );
    // The second pull: some watch longer, one renamed, and the last page's viewers gone.
    const changedTime = (n: number): number => (n % 10 === 0 ? n + 500 : n);
    const renamed = (n: number): string => (n === 4 ? '改名了' : `外部${n}`);
    const second = bigPages(viewers, changedTime, renamed).slice(0, -1);
    const firstAt = now;
    await store.mergeLivingInfo('corp-a', 'lv', INFO);
    await store.mergeWatchStats('corp-a', 'lv', first);
    const before = await viewersOf('lv');
    const cachedBefore = (await db('live_people').where({ person_id: 'wmExt5' }).first()) as {
      updated_at: number;
    };

    now += 60_000;
    await store.mergeWatchStats('corp-a', 'lv', second);
    const after = await viewersOf('lv');
    expect(after.size).toBe(viewers);
    for (const [id, row] of after) {
      const n = Number(id.replace(/\D/g, ''));
      expect(row.first_seen_at).toBe(firstAt);
      // Viewers of the missing page were not seen again.
      expect(row.last_synced_at).toBe(n >= 1_100 ? firstAt : now);
      if (n < 1_100) expect(row.watch_time).toBe(changedTime(n));
      if (n < 1_100 && changedTime(n) === n && n !== 4) {
        expect(row.raw).toBe(before.get(id)?.raw as string);
      }
    }
    // The renamed viewer, and the viewer they invited (rule 3 reads this pull's names).
    expect(after.get('wmExt4')?.name).toBe('改名了');
    expect(after.get('wmExt5')?.inviter_name).toBe('改名了');
    const renamedCache = (await db('live_people').where({ person_id: 'wmExt4' }).first()) as {
      name: string;
      updated_at: number;
    };
    expect(renamedCache).toEqual(jasmine.objectContaining({ name: '改名了', updated_at: now }));
    // A cached name that did not change is not written again.
    const cachedAfter = (await db('live_people').where({ person_id: 'wmExt5' }).first()) as {
      updated_at: number;
    };
    expect(cachedAfter.updated_at).toBe(cachedBefore.updated_at);

    // The same pull into a fresh live, where every row is new: the same data columns.
    await store.mergeLivingInfo('corp-a', 'fresh', INFO);
    await store.mergeWatchStats('corp-a', 'fresh', second);
    const fresh = await viewersOf('fresh');
    expect(fresh.size).toBe(1_100);
    for (const [id, row] of fresh) {
      const { first_seen_at: _seen, last_synced_at: _synced, ...data } = row;
      const { first_seen_at: _seen2, last_synced_at: _synced2, ...merged } = after.get(id) as StoredViewer;
      expect({ ...merged, id: 0, live_id: 0 }).toEqual({ ...data, id: 0, live_id: 0 });
    }
  });
});

// The export's paged read of a live's viewers (viewerDetailPages) on a real SQLite file, with data shaped
// like WeCom's: long runs of equal watch times (ties across every page boundary), two viewers called 张伟,
// members unnamed in the stats and named by the cache, a self-invite, userids differing only in case,
// check-ins in two rounds and an ambiguous row that must not count. The pages, joined, must be exactly
// what the one-shot read answers, in the same order, whatever the page size.
import type { Knex } from 'knex';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir } from '../../../tests/support/runtime-harness.js';
import { storeWithPromotionLive } from '../../../tests/support/live-store-db.js';
import type { ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { LiveStoreService } from './live-store.js';

// 12 members and 14 external users; watch times 0 and 59 repeat many times.
const WATCH_TIMES = [59, 0, 3600, 59, 0, 0, 59, 1200, 0, 59, 0, 59, 5];
const STATS: WatchStatPage = {
  ending: 1,
  next_key: '',
  stat_info: {
    users: [
      ...Array.from({ length: 10 }, (_, n) => ({
        userid: `member${n}`,
        watch_time: WATCH_TIMES[n % WATCH_TIMES.length] ?? 0,
        is_comment: n % 3 === 0 ? 1 : 0,
        is_mic: n % 4 === 0 ? 1 : 0,
        ...(n % 2 === 1 ? { invitor_userid: 'member0' } : {}),
      })),
      // A self-invite, and two userids that differ only in case.
      { userid: 'SelfInviter', watch_time: 59, is_comment: 0, is_mic: 0, invitor_userid: 'SelfInviter' },
      { userid: 'LiSi', watch_time: 0, is_comment: 1, is_mic: 0, invitor_userid: 'lisi' },
    ],
    external_users: Array.from({ length: 14 }, (_, n) => ({
      external_userid: `wmExt${n}`,
      type: n % 2 === 0 ? 1 : 2,
      name: n < 2 ? '张伟' : n === 5 ? '' : `客户${n}`,
      watch_time: WATCH_TIMES[(n + 3) % WATCH_TIMES.length] ?? 0,
      is_comment: n % 5 === 0 ? 1 : 0,
      is_mic: 0,
      ...(n % 3 === 0 ? { invitor_external_userid: 'wmExt1' } : {}),
    })),
  },
};

const matched = (rowNo: number, viewerKind: 'internal' | 'external', viewerId: string) => ({
  rowNo,
  memberLabel: viewerId,
  department: '',
  matchState: 'matched' as const,
  viewerKind,
  viewerId,
});

describe('viewer details a page at a time (the export’s read, SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeAll(async () => {
    ({ dir, db, store } = await storeWithPromotionLive('viewer-pages', [STATS]));
    await store.rememberName('corp-a', { kind: 'internal', id: 'member0', name: '王五', source: 'user/get' });
    await store.rememberName('corp-a', { kind: 'internal', id: 'LiSi', name: '李四', source: 'user/get' });
    await store.replaceCheckins('corp-a', 'lv1', [
      {
        roundNo: 1,
        title: '第一次签到',
        startedAt: 1741839420,
        reportedCount: 4,
        records: [
          matched(2, 'external', 'wmExt0'),
          matched(3, 'internal', 'member4'),
          { ...matched(4, 'external', 'wmExt1'), matchState: 'ambiguous', viewerKind: null, viewerId: null },
        ],
      },
      {
        roundNo: 2,
        title: '第二次签到',
        startedAt: 1741841220,
        reportedCount: 2,
        records: [matched(2, 'external', 'wmExt0'), matched(3, 'internal', 'LiSi')],
      },
    ]);
  });

  afterAll(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function allPages(pageSize?: number): Promise<ViewerDetail[][]> {
    const stream = await store.viewerDetailPages('corp-a', 'lv1', pageSize);
    const pages: ViewerDetail[][] = [];
    for await (const page of stream.pages) pages.push(page);
    return pages;
  }

  for (const pageSize of [1, 2, 3, 7, 25, 26, 100]) {
    it(`answers exactly the one-shot read in pages of ${pageSize}`, async () => {
      const whole = await store.viewerDetails('corp-a', 'lv1', {});
      expect(whole.rows.length).toBe(26);
      const pages = await allPages(pageSize);
      expect(pages.length).toBe(Math.ceil(26 / pageSize));
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(pageSize);
      expect(pages.flat()).toEqual(whole.rows);
    });
  }

  it('counts the figures above the export’s table over the whole live', async () => {
    const stream = await store.viewerDetailPages('corp-a', 'lv1', 4);
    const viewers = (await allPages(4)).flat();
    expect(stream.figures).toEqual({
      viewers: 26,
      comments: viewers.filter((viewer) => viewer.isComment).length,
      mics: viewers.filter((viewer) => viewer.isMic).length,
      // wmExt0, member4 and LiSi; the ambiguous row counts for nobody.
      checkedIn: 3,
    });
    expect(stream.rounds.map((round) => [round.roundNo, round.matched, round.records])).toEqual([
      [1, 2, 3],
      [2, 2, 2],
    ]);
    const checked = viewers.filter((viewer) => viewer.checkins.length > 0).map((viewer) => viewer.viewerId);
    expect(checked.sort()).toEqual(['LiSi', 'member4', 'wmExt0']);
    expect(viewers.find((viewer) => viewer.viewerId === 'LiSi')?.name).toBe('李四');
  });

  it('reads no further page than the consumer asks for', async () => {
    const stream = await store.viewerDetailPages('corp-a', 'lv1', 5);
    const queries: string[] = [];
    const listener = (query: { sql: string }) => queries.push(query.sql);
    db.on('query', listener);
    try {
      for await (const page of stream.pages) {
        expect(page.length).toBe(5);
        break;
      }
    } finally {
      db.removeListener('query', listener);
    }
    expect(queries.filter((sql) => sql.startsWith('select `v`.*')).length).toBe(1);
  });

  it('refuses a live that is not stored', async () => {
    await expectAsync(store.viewerDetailPages('corp-a', 'no-such-live')).toBeRejectedWith(
      jasmine.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

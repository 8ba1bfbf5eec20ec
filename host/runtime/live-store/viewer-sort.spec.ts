// The detail's header sorts over every page, on a real SQLite file with the names WeCom really sends:
// members unnamed in the stats (named by the cache), two viewers called 张伟, numbered and Latin names,
// an empty name, a self-invite, check-ins in two rounds with an ambiguous row that must not count.
import type { Knex } from 'knex';
import type { ViewerSort } from '../../../sdk/contracts/lives.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir } from '../../../tests/support/runtime-harness.js';
import { storeWithPromotionLive } from '../../../tests/support/live-store-db.js';
import { LiveStoreService } from './live-store.js';
import { detailQuery } from './viewer-checkins.js';
import { sortKeysQuery } from './viewer-sort.js';

const STATS: WatchStatPage = {
  ending: 1,
  next_key: '',
  stat_info: {
    users: [
      { userid: 'LiSi', watch_time: 3600, is_comment: 0, is_mic: 1, invitor_userid: 'zhangsan' },
      { userid: 'wangwu', watch_time: 59, is_comment: 1, is_mic: 0, invitor_userid: 'wangwu' },
      { userid: 'ZhaoLiu', watch_time: 59, is_comment: 0, is_mic: 0 },
    ],
    external_users: [
      { external_userid: 'wmA', type: 1, name: '万强', watch_time: 600, is_comment: 1, is_mic: 0 },
      {
        external_userid: 'wmB',
        type: 1,
        name: '10号观众',
        watch_time: 60,
        invitor_external_userid: 'wmA',
      },
      { external_userid: 'wmC', type: 2, name: '张伟', watch_time: 1200 },
      { external_userid: 'wmD', type: 2, name: '张伟', watch_time: 0 },
      { external_userid: 'wmE', type: 1, name: '2号观众', watch_time: 5 },
      { external_userid: 'wmF', type: 1, name: 'amy', watch_time: 7 },
      { external_userid: 'wmG', type: 1, name: 'Bob', watch_time: 9 },
      { external_userid: 'wmH', type: 1, name: '', watch_time: 11 },
    ],
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

describe('viewer details sorted by a header (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeEach(async () => {
    ({ dir, db, store } = await storeWithPromotionLive('viewer-sort', [STATS]));
    for (const [id, name] of [
      ['LiSi', '李四'],
      ['wangwu', '王五'],
      ['ZhaoLiu', '赵六'],
      ['zhangsan', '张三'],
    ] as const) {
      await store.rememberName('corp-a', { kind: 'internal', id, name, source: 'user/get' });
    }
    await store.replaceCheckins('corp-a', 'lv1', [
      {
        roundNo: 1,
        title: '第一次签到',
        startedAt: 1741839420,
        reportedCount: 4,
        records: [
          matched(2, 'external', 'wmD'),
          matched(3, 'internal', 'ZhaoLiu'),
          { ...matched(4, 'external', 'wmC'), matchState: 'ambiguous', viewerKind: null, viewerId: null },
        ],
      },
      {
        roundNo: 2,
        title: '第二次签到',
        startedAt: 1741841220,
        reportedCount: 1,
        records: [matched(2, 'external', 'wmD')],
      },
    ]);
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  /** Every page of 3 in `sort`'s order, checking each page's total and that pages do not overlap. */
  async function pages(sort: ViewerSort, keyword?: string): Promise<string[]> {
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await store.viewerDetails('corp-a', 'lv1', {
        sort,
        page,
        pageSize: 3,
        ...(keyword === undefined ? {} : { keyword }),
      });
      seen.push(...answer.rows.map((row) => row.viewerId));
      if (answer.rows.length < 3) {
        expect(seen.length).toBe(answer.total);
        break;
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    return seen;
  }

  it('orders names as Chinese readers do, across pages, with same names by watch time and the unnamed last', async () => {
    // CLDR's Chinese order (Intl.Collator 'zh-CN'): numbers by value, Han by pinyin, then Latin letters.
    expect(await pages({ column: 'name', direction: 'asc' })).toEqual([
      'wmE', // 2号观众
      'wmB', // 10号观众
      'LiSi', // 李四 (the cache's name for a member the stats leave unnamed)
      'wmA', // 万强
      'wangwu', // 王五
      'wmC', // 张伟, 1,200 s
      'wmD', // 张伟, 0 s
      'ZhaoLiu', // 赵六
      'wmF', // amy
      'wmG', // Bob: letters without regard to case
      'wmH', // no name: last
    ]);
    const descending = await pages({ column: 'name', direction: 'desc' });
    expect(descending.slice(0, 5)).toEqual(['wmG', 'wmF', 'ZhaoLiu', 'wmC', 'wmD']);
    expect(descending.at(-1)).toBe('wmH');
  });

  it('counts matched check-ins over every round, never an ambiguous row', async () => {
    const order = await pages({ column: 'checkins', direction: 'desc' });
    expect(order.slice(0, 2)).toEqual(['wmD', 'ZhaoLiu']);
    // The rest have none: the default order (longest watchers first) among them.
    expect(order.slice(2, 4)).toEqual(['LiSi', 'wmC']);
    const detail = await store.viewerDetails('corp-a', 'lv1', {
      sort: { column: 'checkins', direction: 'desc' },
      page: 1,
      pageSize: 1,
    });
    expect(detail.rows[0]?.checkins.map((checkin) => checkin.roundNo)).toEqual([1, 2]);
  });

  it('orders by type, flags and the inviter as shown, a self-invite reading 本人', async () => {
    expect((await pages({ column: 'kind', direction: 'asc' })).slice(0, 3)).toEqual([
      'LiSi',
      'wangwu',
      'ZhaoLiu',
    ]);
    expect((await pages({ column: 'kind', direction: 'desc' })).slice(0, 2)).toEqual(['wmC', 'wmD']);
    expect((await pages({ column: 'isComment', direction: 'desc' })).slice(0, 3)).toEqual([
      'wmA',
      'wangwu',
      // no comment: in the default order
      'LiSi',
    ]);
    expect((await pages({ column: 'isMic', direction: 'desc' }))[0]).toBe('LiSi');
    const inviters = await pages({ column: 'inviter', direction: 'asc' });
    // 本人（自行进入） (benren), 万强 (wanqiang), 张三 (zhangsan): pinyin; then the uninvited.
    expect(inviters.slice(0, 3)).toEqual(['wangwu', 'wmB', 'LiSi']);
  });

  it('orders by the caller’s values per member, whatever the userid’s case, others last', async () => {
    const memberValues = new Map([
      ['zhaoliu', 100],
      ['LISI', 50],
    ]);
    const order = await pages({ column: 'memberValue', direction: 'desc', memberValues });
    expect(order.slice(0, 3)).toEqual(['ZhaoLiu', 'LiSi', 'wmC']);
    const ascending = await pages({ column: 'memberValue', direction: 'asc', memberValues });
    expect(ascending.slice(0, 2)).toEqual(['LiSi', 'ZhaoLiu']);
  });

  it('sorts what a search keeps, and watch time descending is the index order itself', async () => {
    expect(await pages({ column: 'watchTime', direction: 'asc' }, '张伟')).toEqual(['wmD', 'wmC']);
    const byIndex = await store.viewerDetails('corp-a', 'lv1', {});
    expect(await pages({ column: 'watchTime', direction: 'desc' })).toEqual(
      byIndex.rows.map((row) => row.viewerId),
    );
  });

  it('reads the check-in counts of a sort through the record index', async () => {
    const live = (await db('lives').where({ livingid: 'lv1' }).first('id')) as { id: number };
    const { sql, bindings } = sortKeysQuery(detailQuery(db, 'corp-a', live.id, ''), db, 'checkins').toSQL();
    const steps = ((await db.raw(`explain query plan ${sql}`, bindings)) as Array<{ detail: string }>).map(
      (row) => row.detail,
    );
    expect(
      steps.some((step) => /^SEARCH r USING (COVERING )?INDEX live_checkin_records_viewer_index/.test(step)),
    )
      .withContext(steps.join('\n'))
      .toBeTrue();
    expect(steps.some((step) => /^SCAN (r|v|vp|pi|pe)\b/.test(step)))
      .withContext(steps.join('\n'))
      .toBeFalse();
  });
});

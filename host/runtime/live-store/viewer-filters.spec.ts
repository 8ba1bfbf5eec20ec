// The detail page's viewer filters on a real SQLite file: a live with members, WeChat users, another
// corp's WeCom users, self-invites, and a check-in workbook with a matched, an ambiguous and an
// unmatched row; plus each filter's plan on the indexes.
import type { Knex } from 'knex';
import type { ViewerFilters } from '../../../sdk/contracts/lives.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir } from '../../../tests/support/runtime-harness.js';
import { LiveStoreService } from './live-store.js';
import { detailRowsQuery } from './viewer-checkins.js';
import { storeWithPromotionLive } from '../../../tests/support/live-store-db.js';

const STATS: WatchStatPage = {
  ending: 1,
  next_key: '',
  stat_info: {
    users: [
      { userid: 'LiSi', watch_time: 3600, is_comment: 0, is_mic: 1, invitor_userid: 'zhangsan' },
      { userid: 'wangwu', watch_time: 59, is_comment: 0, is_mic: 0 },
    ],
    external_users: [
      { external_userid: 'wmA', type: 1, name: '万强', watch_time: 600, is_comment: 1, is_mic: 0 },
      {
        external_userid: 'wmB',
        type: 1,
        name: '黍离。',
        watch_time: 60,
        is_comment: 1,
        is_mic: 0,
        invitor_external_userid: 'wmA',
      },
      // Another corp's WeCom user who entered on their own link: a self-invite is no invitation.
      { external_userid: 'wmC', type: 2, name: '张伟', watch_time: 1200, invitor_external_userid: 'wmC' },
      { external_userid: 'wmD', type: 2, name: '张伟', watch_time: 0 },
    ],
  },
};

describe('viewer details filters (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeEach(async () => {
    ({ dir, db, store } = await storeWithPromotionLive('viewer-filters', [STATS]));
    await store.replaceCheckins('corp-a', 'lv1', [
      {
        roundNo: 1,
        title: '第一次签到',
        startedAt: 1741839420,
        reportedCount: 3,
        records: [
          {
            rowNo: 2,
            memberLabel: '万强@微信',
            department: '',
            matchState: 'matched',
            viewerKind: 'external',
            viewerId: 'wmA',
          },
          {
            rowNo: 3,
            memberLabel: '张伟',
            department: '',
            matchState: 'ambiguous',
            viewerKind: null,
            viewerId: null,
          },
          {
            rowNo: 4,
            memberLabel: '无名',
            department: '',
            matchState: 'unmatched',
            viewerKind: null,
            viewerId: null,
          },
        ],
      },
      {
        roundNo: 2,
        title: '第二次签到',
        startedAt: 1741841220,
        reportedCount: 1,
        records: [
          {
            rowNo: 2,
            memberLabel: 'LiSi',
            department: '销售部',
            matchState: 'matched',
            viewerKind: 'internal',
            viewerId: 'LiSi',
          },
        ],
      },
    ]);
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function ids(filters: ViewerFilters, keyword?: string): Promise<{ ids: string[]; total: number }> {
    const page = await store.viewerDetails('corp-a', 'lv1', {
      filters,
      ...(keyword === undefined ? {} : { keyword }),
      page: 1,
      pageSize: 2,
    });
    const all = await store.viewerDetails('corp-a', 'lv1', {
      filters,
      ...(keyword === undefined ? {} : { keyword }),
    });
    expect(page.total).toBe(all.rows.length);
    return { ids: all.rows.map((row) => row.viewerId), total: page.total };
  }

  it('filters on check-ins in any round, never counting an ambiguous or unmatched row', async () => {
    expect(await ids({ checkedIn: true })).toEqual({ ids: ['LiSi', 'wmA'], total: 2 });
    expect(await ids({ checkedIn: false })).toEqual({ ids: ['wmC', 'wmB', 'wangwu', 'wmD'], total: 4 });
  });

  it('filters on viewer types, one or several', async () => {
    expect((await ids({ types: ['member'] })).ids).toEqual(['LiSi', 'wangwu']);
    expect((await ids({ types: ['wechat'] })).ids).toEqual(['wmA', 'wmB']);
    expect((await ids({ types: ['corp'] })).ids).toEqual(['wmC', 'wmD']);
    expect((await ids({ types: ['member', 'corp'] })).ids).toEqual(['LiSi', 'wmC', 'wangwu', 'wmD']);
    expect((await ids({ types: [] })).total).toBe(6);
  });

  it('filters on a watch time range, bounds included', async () => {
    expect((await ids({ minWatch: 60, maxWatch: 1200 })).ids).toEqual(['wmC', 'wmA', 'wmB']);
    expect((await ids({ maxWatch: 59 })).ids).toEqual(['wangwu', 'wmD']);
    expect((await ids({ minWatch: 3600 })).ids).toEqual(['LiSi']);
  });

  it('filters on an inviter, a self-invite counting as none', async () => {
    expect((await ids({ hasInviter: true })).ids).toEqual(['LiSi', 'wmB']);
    expect((await ids({ hasInviter: false })).ids).toEqual(['wmC', 'wmA', 'wangwu', 'wmD']);
  });

  it('combines the filters with each other and with the search', async () => {
    expect(await ids({ checkedIn: false, types: ['wechat', 'corp'], minWatch: 1 })).toEqual({
      ids: ['wmC', 'wmB'],
      total: 2,
    });
    expect(await ids({ checkedIn: false }, '张伟')).toEqual({ ids: ['wmC', 'wmD'], total: 2 });
    expect(await ids({ checkedIn: true }, '张伟')).toEqual({ ids: [], total: 0 });
  });

  it('finds the check-ins of a filter through the record index and pages on the viewer index', async () => {
    const live = (await db('lives').where({ livingid: 'lv1' }).first('id')) as { id: number };
    const { sql, bindings } = detailRowsQuery(db, 'corp-a', live.id, '', {
      checkedIn: true,
      minWatch: 60,
      types: ['wechat'],
    }).toSQL();
    const steps = ((await db.raw(`explain query plan ${sql}`, bindings)) as Array<{ detail: string }>).map(
      (row) => row.detail,
    );
    expect(steps.some((step) => /^SEARCH v USING (COVERING )?INDEX \S+ \(live_id=\?/.test(step)))
      .withContext(steps.join('\n'))
      .toBeTrue();
    expect(
      steps.some((step) =>
        /^SEARCH r (EXISTS )?USING (COVERING )?INDEX live_checkin_records_viewer_index/.test(step),
      ),
    )
      .withContext(steps.join('\n'))
      .toBeTrue();
    expect(steps.some((step) => /^SCAN (r|v)\b/.test(step)))
      .withContext(steps.join('\n'))
      .toBeFalse();
  });
});

// Resolving an ambiguous check-in row by picking its viewer, on a real SQLite file: the candidates, the
// pick counting at once (figures, filters, the unmatched list), and surviving a re-import of the same
// workbook but not a row that changed.
import type { Knex } from 'knex';
import type { CheckinRoundInput } from '../../../../sdk/contracts/lives.js';
import { AppError } from '../../../../sdk/contracts/errors.js';
import { removeDir } from '../../../../tests/support/runtime-harness.js';
import { LiveStoreService } from '../live-store.js';
import { storeWithPromotionLive } from '../../../../tests/support/live-store-db.js';

const ZHANG_WEI = { roundNo: 1, rowNo: 3, memberLabel: '张伟' };

function workbook(label = '张伟'): CheckinRoundInput[] {
  return [
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
          memberLabel: label,
          department: '',
          matchState: 'ambiguous',
          viewerKind: null,
          viewerId: null,
        },
        {
          rowNo: 4,
          memberLabel: '张伟@微信',
          department: '',
          matchState: 'unmatched',
          viewerKind: null,
          viewerId: null,
        },
      ],
    },
  ];
}

describe('check-in resolutions (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let store: LiveStoreService;

  beforeEach(async () => {
    ({ dir, db, store } = await storeWithPromotionLive('checkin-resolutions', [
      {
        ending: 1,
        next_key: '',
        stat_info: {
          // A member WeCom's stats leave unnamed: the name cache knows them, spelt with a full-width space.
          users: [{ userid: 'ZhangWei', watch_time: 300, is_comment: 0, is_mic: 0 }],
          external_users: [
            { external_userid: 'wmA', type: 1, name: '万强', watch_time: 600, is_comment: 1, is_mic: 0 },
            { external_userid: 'wmC', type: 2, name: '张伟', watch_time: 1200 },
            { external_userid: 'wmD', type: 2, name: ' 张伟 ', watch_time: 0 },
          ],
        },
      },
    ]));
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'ZhangWei',
      name: '张　伟',
      source: 'user-get',
    });
    await store.replaceCheckins('corp-a', 'lv1', workbook(), '签到.xlsx');
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  const checkedIn = async (): Promise<string[]> =>
    (await store.viewerDetails('corp-a', 'lv1', { filters: { checkedIn: true } })).rows.map(
      (row) => row.viewerId,
    );

  it('offers the viewers with the row’s normalised name, longest watchers first', async () => {
    const candidates = await store.checkinCandidates('corp-a', 'lv1', ZHANG_WEI);
    expect(candidates.map((viewer) => [viewer.viewerId, viewer.name, viewer.watchTime])).toEqual([
      ['wmC', '张伟', 1200],
      ['ZhangWei', '张　伟', 300],
      ['wmD', ' 张伟 ', 0],
    ]);
    // A row that is not ambiguous has nothing to resolve.
    await expectAsync(
      store.checkinCandidates('corp-a', 'lv1', { roundNo: 1, rowNo: 4, memberLabel: '张伟@微信' }),
    ).toBeRejectedWith(jasmine.objectContaining({ code: 'NOT_FOUND' }));
    await expectAsync(
      store.checkinCandidates('corp-a', 'lv1', { ...ZHANG_WEI, memberLabel: '张伟伟' }),
    ).toBeRejectedWith(jasmine.any(AppError));
  });

  it('counts the row as the picked viewer’s at once: the rounds, the check-in filter, the unmatched list', async () => {
    // Read first, so the round figures are cached for this import: the pick must drop them.
    const before = await store.viewerDetails('corp-a', 'lv1', {});
    expect(before.rounds[0]).toEqual(jasmine.objectContaining({ records: 3, matched: 1 }));
    expect(await checkedIn()).toEqual(['wmA']);

    const picked = await store.resolveCheckin(
      'corp-a',
      'lv1',
      { ...ZHANG_WEI, viewerKind: 'internal', viewerId: 'ZhangWei' },
      'lisi',
    );
    expect(picked).toEqual(jasmine.objectContaining({ viewerId: 'ZhangWei', name: '张　伟' }));

    const after = await store.viewerDetails('corp-a', 'lv1', {});
    expect(after.rounds[0]).toEqual(jasmine.objectContaining({ records: 3, matched: 2 }));
    expect(await checkedIn()).toEqual(['wmA', 'ZhangWei']);
    expect(after.rows.find((row) => row.viewerId === 'ZhangWei')?.checkins).toEqual([
      { roundNo: 1, title: '第一次签到', at: 1741839420 },
    ]);
    const unmatched = await store.unmatchedCheckins('corp-a', 'lv1', { page: 1, pageSize: 20 });
    expect(unmatched.total).toBe(1);
    expect(unmatched.rows.map((row) => row.rowNo)).toEqual([4]);
    // Resolved once: the row is no longer ambiguous.
    await expectAsync(
      store.resolveCheckin(
        'corp-a',
        'lv1',
        { ...ZHANG_WEI, viewerKind: 'external', viewerId: 'wmC' },
        'lisi',
      ),
    ).toBeRejectedWith(jasmine.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses a viewer who is not one of the candidates', async () => {
    await expectAsync(
      store.resolveCheckin('corp-a', 'lv1', { ...ZHANG_WEI, viewerKind: 'external', viewerId: 'wmA' }, null),
    ).toBeRejectedWith(jasmine.objectContaining({ code: 'INVALID_INPUT' }));
    expect(await checkedIn()).toEqual(['wmA']);
    expect(await db('live_checkin_resolutions').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('keeps the pick across a re-import of the same workbook, not for a row whose label changed', async () => {
    await store.resolveCheckin(
      'corp-a',
      'lv1',
      { ...ZHANG_WEI, viewerKind: 'external', viewerId: 'wmC' },
      'lisi',
    );
    await store.replaceCheckins('corp-a', 'lv1', workbook(), '签到.xlsx');
    expect(await checkedIn()).toEqual(['wmC', 'wmA']);
    const reimported = await store.viewerDetails('corp-a', 'lv1', {});
    expect(reimported.rounds[0]).toEqual(jasmine.objectContaining({ records: 3, matched: 2 }));

    await store.replaceCheckins('corp-a', 'lv1', workbook('张伟（销售）'), '另一个签到.xlsx');
    expect(await checkedIn()).toEqual(['wmA']);
    expect((await store.unmatchedCheckins('corp-a', 'lv1', { page: 1, pageSize: 20 })).total).toBe(2);
  });

  it('forgets the pick with its live', async () => {
    await store.resolveCheckin(
      'corp-a',
      'lv1',
      { ...ZHANG_WEI, viewerKind: 'external', viewerId: 'wmD' },
      null,
    );
    await db('lives').where({ livingid: 'lv1' }).delete();
    expect(await db('live_checkin_resolutions').count({ n: '*' }).first()).toEqual({ n: 0 });
  });
});

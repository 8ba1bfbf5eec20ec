// Check-ins in the live store against a real SQLite file migrated by the host's migrations.
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { CheckinRoundInput } from '../../../../sdk/contracts/lives.js';
import type { WatchStatPage } from '../../../../sdk/wecom/models.js';
import { removeDir, tempDataDir } from '../../../../tests/support/runtime-harness.js';
import { openDatabase } from '../../storage/database.js';
import { runMigrations } from '../../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../../storage/migrations/index.js';
import { LiveStoreService } from '../live-store.js';

const STATS: WatchStatPage = {
  ending: 1,
  next_key: '',
  stat_info: {
    users: [{ userid: 'LiSi', watch_time: 100, is_comment: 0, is_mic: 0 }],
    external_users: [
      { external_userid: 'wmA', type: 1, name: '万强', watch_time: 38, is_comment: 1, is_mic: 0 },
      { external_userid: 'wmB', type: 1, name: '黍离。', watch_time: 52, is_comment: 1, is_mic: 0 },
    ],
  },
};

const ROUNDS: CheckinRoundInput[] = [
  {
    roundNo: 1,
    title: '第一次签到',
    startedAt: 1741839420,
    reportedCount: 2,
    records: [
      {
        rowNo: 7,
        memberLabel: '黍离。@微信',
        department: '',
        matchState: 'matched',
        viewerKind: 'external',
        viewerId: 'wmB',
      },
      {
        rowNo: 8,
        memberLabel: '万强@微信',
        department: '',
        matchState: 'matched',
        viewerKind: 'external',
        viewerId: 'wmA',
      },
    ],
  },
  {
    roundNo: 2,
    title: '第二次签到',
    startedAt: 1741841220,
    reportedCount: 2,
    records: [
      {
        rowNo: 7,
        memberLabel: '黍离。@微信',
        department: '',
        matchState: 'matched',
        viewerKind: 'external',
        viewerId: 'wmB',
      },
      {
        rowNo: 8,
        memberLabel: '晴天@微信',
        department: '销售部',
        matchState: 'ambiguous',
        viewerKind: null,
        viewerId: null,
      },
    ],
  },
];

describe('LiveStore check-ins (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let now: number;
  let store: LiveStoreService;

  beforeEach(async () => {
    dir = tempDataDir('checkin-store');
    db = openDatabase({ filename: join(dir, 'data.sqlite') });
    await runMigrations(db, 'host', HOST_MIGRATIONS);
    for (const corp of ['corp-a', 'corp-b']) {
      await db('corps').insert({
        corp_id: corp,
        corpname: corp,
        corpid: `ww${corp}`,
        agentid: 1000002,
        secret_cipher: 'x',
        created_at: 0,
        updated_at: 0,
      });
    }
    now = 1_741_850_000_000;
    store = new LiveStoreService(db, { now: () => now });
    await store.mergeLivingInfo('corp-a', 'lv1', {
      theme: '推广直播',
      anchor_userid: 'WangDeSheng',
      status: 2,
    });
    await store.mergeWatchStats('corp-a', 'lv1', [STATS]);
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  const tableRows = async (): Promise<unknown[]> => [
    ...((await db('live_checkin_rounds').select(
      'live_id',
      'round_no',
      'title',
      'started_at',
      'reported_count',
      'source_file',
    )) as unknown[]),
    ...((await db('live_checkin_records')
      .orderBy(['round_id', 'row_no'])
      .select(
        'row_no',
        'member_label',
        'department',
        'viewer_kind',
        'viewer_id',
        'match_state',
        'checked_at',
      )) as unknown[]),
  ];

  it('stores the rounds and reads each viewer’s count and round times', async () => {
    expect(await store.replaceCheckins('corp-a', 'lv1', ROUNDS, '签到.xlsx')).toEqual({
      rounds: 2,
      records: 4,
    });
    const checkins = await store.checkins('corp-a', 'lv1');
    expect(checkins.rounds).toEqual([
      {
        roundNo: 1,
        title: '第一次签到',
        startedAt: 1741839420,
        reportedCount: 2,
        records: 2,
        matched: 2,
        sourceFile: '签到.xlsx',
        importedAt: now,
      },
      {
        roundNo: 2,
        title: '第二次签到',
        startedAt: 1741841220,
        reportedCount: 2,
        records: 2,
        matched: 1,
        sourceFile: '签到.xlsx',
        importedAt: now,
      },
    ]);
    expect(checkins.viewers).toEqual([
      {
        kind: 'external',
        viewerId: 'wmB',
        count: 2,
        rounds: [
          { roundNo: 1, checkedAt: 1741839420 },
          { roundNo: 2, checkedAt: 1741841220 },
        ],
      },
      { kind: 'external', viewerId: 'wmA', count: 1, rounds: [{ roundNo: 1, checkedAt: 1741839420 }] },
    ]);
    expect(checkins.unmatched).toEqual([
      { roundNo: 2, rowNo: 8, memberLabel: '晴天@微信', department: '销售部', matchState: 'ambiguous' },
    ]);
  });

  it('gives the same rows when the same workbook is imported twice', async () => {
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS, '签到.xlsx');
    const first = await tableRows();
    now += 60_000;
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS, '签到.xlsx');
    expect(await tableRows()).toEqual(first);
  });

  it('replaces the live’s rounds with a new workbook, leaving other lives alone', async () => {
    await store.mergeLivingInfo('corp-a', 'lv2', {
      theme: '另一场',
      anchor_userid: 'WangDeSheng',
      status: 2,
    });
    await store.replaceCheckins('corp-a', 'lv2', ROUNDS.slice(0, 1));
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS);
    await store.replaceCheckins('corp-a', 'lv1', [{ ...ROUNDS[1]!, roundNo: 1, title: '第一次签到' }]);
    const lv1 = await store.checkins('corp-a', 'lv1');
    expect(lv1.rounds.map((round) => [round.roundNo, round.records])).toEqual([[1, 2]]);
    expect(lv1.viewers.map((viewer) => [viewer.viewerId, viewer.count])).toEqual([['wmB', 1]]);
    expect((await store.checkins('corp-a', 'lv2')).rounds.length).toBe(1);
    expect(await db('live_checkin_records').count({ n: '*' }).first()).toEqual({ n: 4 });
  });

  it('writes nothing when any row fails, and refuses a live of another corp', async () => {
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS);
    const before = await tableRows();
    const duplicateRow = { ...ROUNDS[1]!, records: [ROUNDS[1]!.records[0]!, ROUNDS[1]!.records[0]!] };
    await expectAsync(store.replaceCheckins('corp-a', 'lv1', [ROUNDS[0]!, duplicateRow])).toBeRejected();
    expect(await tableRows()).toEqual(before);
    await expectAsync(store.replaceCheckins('corp-b', 'lv1', ROUNDS)).toBeRejectedWith(
      jasmine.objectContaining({ code: 'NOT_FOUND' }),
    );
    await expectAsync(store.checkins('corp-b', 'lv1')).toBeRejectedWith(
      jasmine.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('keeps the check-in figures per import and never serves those of an earlier workbook', async () => {
    const figures = async () => {
      const details = await store.viewerDetails('corp-a', 'lv1', { page: 1, pageSize: 20 });
      const profile = await store.viewerProfileCounts('corp-a', 'lv1', [60]);
      const unmatched = await store.unmatchedCheckins('corp-a', 'lv1', { page: 1, pageSize: 1 });
      return {
        totals: (await store.checkinTotals('corp-a', ['lv1']))['lv1'],
        rounds: details.rounds.map(({ roundNo, matched, records }) => ({ roundNo, matched, records })),
        checkedIn: profile.checkedIn,
        perRound: profile.rounds.map((round) => round.viewers),
        unmatched: unmatched.total,
      };
    };
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS);
    const first = await figures();
    expect(first).toEqual({
      totals: { rounds: 2, checkins: 4, people: 3 },
      rounds: [
        { roundNo: 1, matched: 2, records: 2 },
        { roundNo: 2, matched: 1, records: 2 },
      ],
      checkedIn: 2,
      perRound: [2, 1],
      unmatched: 1,
    });
    // Read again (kept), and the same workbook imported again: the same figures.
    expect(await figures()).toEqual(first);
    await store.replaceCheckins('corp-a', 'lv1', ROUNDS);
    expect(await figures()).toEqual(first);
    // Another workbook for the live: one round, nobody matched. Nothing of the first one remains.
    const [round] = ROUNDS;
    if (round === undefined) throw new Error('no round');
    await store.replaceCheckins('corp-a', 'lv1', [
      {
        ...round,
        records: round.records.map((record) => ({
          ...record,
          matchState: 'unmatched',
          viewerKind: null,
          viewerId: null,
        })),
      },
    ]);
    expect(await figures()).toEqual({
      totals: { rounds: 1, checkins: 2, people: 2 },
      rounds: [{ roundNo: 1, matched: 0, records: 2 }],
      checkedIn: 0,
      perRound: [0],
      unmatched: 2,
    });
  });
});

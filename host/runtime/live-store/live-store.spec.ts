// The live store against a real SQLite file migrated by the host's migrations.
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { MergeStatsResult } from '../../../sdk/main/live-store.js';
import type { LivingInfo, WatchStatPage } from '../../../sdk/wecom/models.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { openDatabase } from '../storage/database.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { LiveStoreService } from './live-store.js';

/** A captured WeCom answer: started two hours before the reserved start, lasted 143 s. */
const ENDED_INFO: LivingInfo = {
  theme: '预约直播-企业->推广2',
  living_start: 1741839370,
  living_duration: 143,
  anchor_userid: 'WangDeSheng',
  main_department: 1,
  viewer_num: 2,
  comment_num: 3,
  mic_num: 0,
  open_replay: 0,
  status: 2,
  reserve_start: 1741846600,
  reserve_living_duration: 3600,
  description: 'test description',
  type: 0,
  online_count: 0,
  subscribe_count: 0,
};

/** A captured watch-stat page: one external viewer invited by another, who was invited by the anchor. */
function statPage(): WatchStatPage {
  return {
    ending: 1,
    next_key: '',
    stat_info: {
      users: [{ userid: 'LiSi', watch_time: 100, is_comment: 0, is_mic: 1, invitor_userid: 'zhangsan' }],
      external_users: [
        {
          external_userid: 'wmA',
          type: 1,
          name: '万强',
          watch_time: 38,
          is_comment: 1,
          is_mic: 0,
          invitor_external_userid: 'wmB',
        },
        {
          external_userid: 'wmB',
          type: 1,
          name: '黍离。',
          watch_time: 52,
          is_comment: 1,
          is_mic: 0,
          invitor_userid: 'WangDeSheng',
        },
        {
          external_userid: 'wmSelf',
          type: 2,
          name: '自己',
          watch_time: 5,
          invitor_external_userid: 'wmSelf',
        },
      ],
    },
  };
}

describe('LiveStore (SQLite file)', () => {
  let dir: string;
  let db: Knex;
  let now: number;
  let store: LiveStoreService;

  beforeEach(async () => {
    dir = tempDataDir('live-store');
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
    now = 1_741_800_000_000;
    store = new LiveStoreService(db, { now: () => now });
  });

  afterEach(async () => {
    await db.destroy();
    removeDir(dir);
  });

  async function createOne(corpId = 'corp-a', livingid = 'lv1'): Promise<void> {
    await store.recordCreated(corpId, {
      livingid,
      anchorUserid: 'WangDeSheng',
      anchorName: '王德胜',
      theme: '预约直播-企业->推广2',
      livingStart: 1741846600,
      livingDuration: 3600,
      type: 0,
      description: 'test description',
      creatorUserid: 'wangdesheng',
    });
  }

  it('records a created live with the reserved times as sent and no actual times yet', async () => {
    await createOne();
    const live = await store.get('corp-a', 'lv1');
    expect(live).toEqual(
      jasmine.objectContaining({
        livingid: 'lv1',
        status: 0,
        reserveStart: 1741846600,
        reserveDuration: 3600,
        actualStart: null,
        actualDuration: null,
        anchorName: '王德胜',
        createdByUs: true,
        creatorUserid: 'wangdesheng',
        lastSyncedAt: null,
        peakOnline: null,
        peakOnlineSamples: 0,
      }),
    );
  });

  it('keeps reserved and actual times apart and changes nothing but the sync time on a second pull', async () => {
    await createOne();
    const first = await store.mergeLivingInfo('corp-a', 'lv1', ENDED_INFO);
    expect(first.reserveStart).toBe(1741846600);
    expect(first.reserveDuration).toBe(3600);
    expect(first.actualStart).toBe(1741839370);
    expect(first.actualDuration).toBe(143);
    expect(first.status).toBe(2);
    expect(first.anchorName).toBe('王德胜');
    expect(first.createdByUs).toBeTrue();
    const rowBefore = (await db('lives').where({ livingid: 'lv1' }).first()) as Record<string, unknown>;

    now += 60_000;
    const second = await store.mergeLivingInfo('corp-a', 'lv1', ENDED_INFO);
    const rowAfter = (await db('lives').where({ livingid: 'lv1' }).first()) as Record<string, unknown>;
    expect(second.lastSyncedAt).toBe(now);
    expect({ ...rowAfter, last_synced_at: 0 }).toEqual({ ...rowBefore, last_synced_at: 0 });
    expect(await db('lives').count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('stores a live first seen by a pull as not created here, and a reserved one without actual times', async () => {
    const reserved = await store.mergeLivingInfo('corp-a', 'lv-synced', {
      ...ENDED_INFO,
      status: 0,
      living_start: 1741846600,
      living_duration: 3600,
    });
    expect(reserved.createdByUs).toBeFalse();
    expect(reserved.creatorUserid).toBeNull();
    expect(reserved.actualStart).toBeNull();
    expect(reserved.reserveStart).toBe(1741846600);
  });

  it('names the anchor of a live not created here from the name cache, exact userid only; the typed name wins', async () => {
    await store.mergeLivingInfo('corp-a', 'lv-synced', { ...ENDED_INFO, anchor_userid: 'LiWei' });
    expect((await store.get('corp-a', 'lv-synced'))?.anchorName).toBeNull();
    // Another spelling of the userid is another person for WeCom: never its name.
    await store.rememberName('corp-a', { kind: 'internal', id: 'liwei', name: '别人', source: 'user-get' });
    await store.rememberName('corp-b', {
      kind: 'internal',
      id: 'LiWei',
      name: '外企李伟',
      source: 'user-get',
    });
    await store.rememberName('corp-a', { kind: 'external', id: 'LiWei', name: '客户', source: 'watch-stat' });
    expect((await store.get('corp-a', 'lv-synced'))?.anchorName).toBeNull();
    await store.rememberName('corp-a', { kind: 'internal', id: 'LiWei', name: '李伟', source: 'user-get' });
    expect((await store.get('corp-a', 'lv-synced'))?.anchorName).toBe('李伟');
    const listed = await store.list('corp-a', { page: 1, pageSize: 10, keyword: 'lv-synced' });
    expect(listed.rows.map((row) => row.anchorName)).toEqual(['李伟']);
    await store.recordModified('corp-a', 'lv-synced', { anchorName: '李伟老师' });
    expect((await store.get('corp-a', 'lv-synced'))?.anchorName).toBe('李伟老师');
  });

  it('merges watch stats idempotently and names inviters by the local rules', async () => {
    await createOne();
    await store.mergeLivingInfo('corp-a', 'lv1', ENDED_INFO);
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'ZhangSan',
      name: '张三',
      source: 'user-get',
    });
    const result = await store.mergeWatchStats('corp-a', 'lv1', [statPage()]);
    expect(result.viewers).toBe(4);
    // The cache knows `ZhangSan`, not the spelling the stats use: user/get must be asked with `zhangsan`.
    // A self-invite is nobody to look up.
    expect(result.unnamedInviters).toEqual([{ kind: 'internal', id: 'zhangsan' }]);
    await store.rememberName('corp-a', {
      kind: 'internal',
      id: 'zhangsan',
      name: '张三',
      source: 'user-get',
    });
    const again = await store.mergeWatchStats('corp-a', 'lv1', [statPage()]);
    expect(again.unnamedInviters).toEqual([]);
    expect(again.viewers).toBe(4);
    const page = await store.viewers('corp-a', 'lv1', { page: 1, pageSize: 10 });
    expect(page.total).toBe(4);
    const byId = new Map(page.rows.map((row) => [row.viewerId, row]));
    expect(byId.get('wmB')).toEqual(
      jasmine.objectContaining({ inviterName: '王德胜', inviterRule: 'anchor', kind: 'external' }),
    );
    expect(byId.get('wmA')).toEqual(
      jasmine.objectContaining({ inviterName: '黍离。', inviterRule: 'viewer' }),
    );
    expect(byId.get('LiSi')).toEqual(
      jasmine.objectContaining({ inviterName: '张三', inviterRule: 'people', isMic: true, kind: 'internal' }),
    );
    // No self-invite: the viewer's own name does not name their inviter.
    expect(byId.get('wmSelf')).toEqual(jasmine.objectContaining({ inviterName: null, inviterRule: 'self' }));
    expect(page.rows.map((row) => row.viewerId)).toEqual(['LiSi', 'wmB', 'wmA', 'wmSelf']);
    const searched = await store.viewers('corp-a', 'lv1', { keyword: '万', page: 1, pageSize: 10 });
    expect(searched.rows.map((row) => row.viewerId)).toEqual(['wmA']);
  });

  it('merges several pulled lives in one go exactly as one merge after another', async () => {
    const live = (livingid: string, pages: WatchStatPage[] | null) => ({ livingid, info: ENDED_INFO, pages });
    const results = await store.mergeLives('corp-a', [
      live('lv1', [statPage()]),
      live('lv2', null),
      live('lv3', [statPage()]),
    ]);
    // The same pulls merged one by one on corp-b give the same results, lives, viewers and name cache.
    const oneByOne: Array<MergeStatsResult | null> = [];
    for (const livingid of ['lv1', 'lv2', 'lv3']) await store.mergeLivingInfo('corp-b', livingid, ENDED_INFO);
    for (const livingid of ['lv1', 'lv3']) {
      oneByOne.push(await store.mergeWatchStats('corp-b', livingid, [statPage()]));
    }
    expect(results).toEqual([oneByOne[0] ?? null, null, oneByOne[1] ?? null]);
    expect(results[0]?.viewers).toBe(4);
    const snapshot = async (corpId: string) => ({
      lives: await db('lives')
        .where('corp_id', corpId)
        .orderBy('livingid')
        .select('livingid', 'theme', 'status', 'last_synced_at', 'stats_synced_at'),
      viewers: await db('live_viewers as v')
        .join('lives as l', 'l.id', 'v.live_id')
        .where('l.corp_id', corpId)
        .orderBy(['l.livingid', 'v.viewer_id'])
        .select('l.livingid', 'v.viewer_id', 'v.name', 'v.inviter_name', 'v.inviter_rule', 'v.raw'),
      people: await db('live_people')
        .where('corp_id', corpId)
        .orderBy('person_id')
        .select('person_kind', 'person_id', 'name', 'source', 'updated_at'),
    });
    const batched = await snapshot('corp-a');
    expect(batched.viewers.length).toBe(8);
    expect(batched).toEqual(await snapshot('corp-b'));
  });

  it('leaves every live of a batch unwritten when one of them cannot be merged', async () => {
    const broken = statPage();
    // A viewer without an id breaks the viewers' NOT NULL key: the whole batch is rolled back.
    (broken.stat_info.users[0] as { userid: unknown }).userid = null;
    await expectAsync(
      store.mergeLives('corp-a', [
        { livingid: 'lv1', info: ENDED_INFO, pages: [statPage()] },
        { livingid: 'lv2', info: ENDED_INFO, pages: [broken] },
      ]),
    ).toBeRejected();
    expect(await db('lives').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(await db('live_viewers').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(await db('live_people').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('keeps the peak of the online samples', async () => {
    await createOne();
    await store.addOnlineSnapshot('corp-a', 'lv1', 5, 1000);
    await store.addOnlineSnapshot('corp-a', 'lv1', 9, 2000);
    await store.addOnlineSnapshot('corp-a', 'lv1', 9, 3000);
    await store.addOnlineSnapshot('corp-a', 'lv1', 2, 4000);
    const live = await store.get('corp-a', 'lv1');
    expect(live?.peakOnline).toBe(9);
    expect(live?.peakOnlineAt).toBe(2000);
    expect(live?.peakOnlineSamples).toBe(4);
    // A sample written again with a lower count: the peak follows what the samples say now.
    await store.addOnlineSnapshot('corp-a', 'lv1', 1, 2000);
    expect(await store.get('corp-a', 'lv1')).toEqual(
      jasmine.objectContaining({ peakOnline: 9, peakOnlineAt: 3000, peakOnlineSamples: 4 }),
    );
    await store.addOnlineSnapshot('corp-a', 'lv1', 1, 3000);
    expect(await store.get('corp-a', 'lv1')).toEqual(
      jasmine.objectContaining({ peakOnline: 5, peakOnlineAt: 1000, peakOnlineSamples: 4 }),
    );
    const page = await store.list('corp-a', { page: 1, pageSize: 10 });
    expect(page.rows[0]).toEqual(jasmine.objectContaining({ peakOnline: 5, peakOnlineSamples: 4 }));
  });

  it('says a live without samples has none (no peak, 0 samples)', async () => {
    await createOne();
    expect(await store.get('corp-a', 'lv1')).toEqual(
      jasmine.objectContaining({ peakOnline: null, peakOnlineAt: null, peakOnlineSamples: 0 }),
    );
  });

  it('removes viewers, samples and check-ins with their live (cascade)', async () => {
    await createOne();
    await store.mergeLivingInfo('corp-a', 'lv1', ENDED_INFO);
    await store.mergeWatchStats('corp-a', 'lv1', [statPage()]);
    await store.addOnlineSnapshot('corp-a', 'lv1', 3, 1000);
    const live = (await db('lives').where({ livingid: 'lv1' }).first('id')) as { id: number };
    const [roundId] = (await db('live_checkin_rounds').insert({
      live_id: live.id,
      round_no: 1,
      title: '第一次签到',
      imported_at: now,
    })) as number[];
    await db('live_checkin_records').insert({ round_id: roundId, row_no: 1, member_label: '黍离。@微信' });
    await db('lives').where({ id: live.id }).delete();
    for (const table of [
      'live_viewers',
      'live_online_snapshots',
      'live_online_peaks',
      'live_checkin_rounds',
      'live_checkin_records',
    ]) {
      expect(await db(table).count({ n: '*' }).first())
        .withContext(table)
        .toEqual({ n: 0 });
    }
  });

  it('keeps corps apart', async () => {
    await createOne('corp-a', 'lv1');
    await createOne('corp-b', 'lv1');
    await store.mergeLivingInfo('corp-b', 'lv1', ENDED_INFO);
    expect((await store.get('corp-a', 'lv1'))?.status).toBe(0);
    expect((await store.get('corp-b', 'lv1'))?.status).toBe(2);
    expect((await store.list('corp-a', { page: 1, pageSize: 10 })).total).toBe(1);
    expect(await store.get('corp-a', 'lv-other')).toBeUndefined();
    await expectAsync(store.mergeWatchStats('corp-a', 'lv-none', [statPage()])).toBeRejectedWith(
      jasmine.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('lists with search, filters, paging and sorting on the shown start', async () => {
    for (let i = 1; i <= 7; i += 1) {
      await store.recordCreated('corp-a', {
        livingid: `lv${i}`,
        anchorUserid: i % 2 === 0 ? 'even' : 'odd',
        theme: i === 3 ? '产品_100%发布' : `培训${i}`,
        livingStart: 1_800_000_000 + i * 100,
        livingDuration: 600,
        type: 3,
        creatorUserid: 'creator',
      });
    }
    // lv7 started early: its shown start is the actual one.
    await store.mergeLivingInfo('corp-a', 'lv7', {
      theme: '培训7',
      status: 2,
      living_start: 1_700_000_000,
      living_duration: 60,
      reserve_start: 1_800_000_700,
      reserve_living_duration: 600,
    });
    const firstPage = await store.list('corp-a', { page: 1, pageSize: 3 });
    expect(firstPage.total).toBe(7);
    expect(firstPage.rows.map((row) => row.livingid)).toEqual(['lv6', 'lv5', 'lv4']);
    const last = await store.list('corp-a', { page: 3, pageSize: 3 });
    expect(last.rows.map((row) => row.livingid)).toEqual(['lv7']);
    const ascending = await store.list('corp-a', {
      page: 1,
      pageSize: 2,
      sort: { field: 'start', direction: 'asc' },
    });
    expect(ascending.rows.map((row) => row.livingid)).toEqual(['lv7', 'lv1']);
    // LIKE wildcards in a keyword match literally.
    expect(
      (await store.list('corp-a', { keyword: '_100%', page: 1, pageSize: 10 })).rows.map((r) => r.livingid),
    ).toEqual(['lv3']);
    expect((await store.list('corp-a', { keyword: '%', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await store.list('corp-a', { anchorUserid: 'EVEN', page: 1, pageSize: 10 })).total).toBe(3);
    const ranged = await store.list('corp-a', {
      from: 1_800_000_200,
      to: 1_800_000_400,
      page: 1,
      pageSize: 10,
    });
    expect(ranged.rows.map((row) => row.livingid)).toEqual(['lv4', 'lv3', 'lv2']);
    expect((await store.list('corp-a', { status: [2], page: 1, pageSize: 10 })).total).toBe(1);
  });

  it('applies a modify to the reserved times only', async () => {
    await createOne();
    const modified = await store.recordModified('corp-a', 'lv1', { livingStart: 1741850000, theme: '改了' });
    expect(modified.reserveStart).toBe(1741850000);
    expect(modified.theme).toBe('改了');
    expect(modified.actualStart).toBeNull();
    await expectAsync(store.recordModified('corp-b', 'lv1', { theme: 'x' })).toBeRejectedWith(
      jasmine.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

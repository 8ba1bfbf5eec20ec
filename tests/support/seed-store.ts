/**
 * Builds a big live store for the query benches: 10,000 lives of a few anchors with realistic themes,
 * ~100 viewers per live (1,000,000 in all), one promotion live of 3,000 viewers with inviters and 10
 * check-in rounds × 5,000 rows, a name cache of 120,000 people, peaks and a few small check-in imports.
 * Everything goes through Knex in transactions: the lives in batched inserts, the bulk rows as
 * INSERT … SELECT over a recursive counter, so a million rows take seconds, not minutes.
 */
import type { Knex } from 'knex';
import { themeSortKeys } from '../../host/runtime/live-store/theme-sort-key.js';

export interface SeedOptions {
  lives: number;
  viewersPerLive: number;
  bigLiveViewers: number;
  bigLiveRounds: number;
  rowsPerRound: number;
  members: number;
  externals: number;
}

export const DEFAULT_SEED: SeedOptions = {
  lives: 10_000,
  viewersPerLive: 104,
  bigLiveViewers: 3_000,
  bigLiveRounds: 10,
  rowsPerRound: 5_000,
  members: 20_000,
  externals: 100_000,
};

export interface SeededStore {
  lives: number;
  viewers: number;
  people: number;
  checkinRows: number;
  bigLivingid: string;
  /** Words that occur in themes, for keyword searches. */
  keywords: string[];
}

const ANCHORS = [
  ['LiWei', '李伟'],
  ['zhangmin', '张敏'],
  ['WangDeSheng', '王德胜'],
  ['chenjing', '陈静'],
  ['liuyang', '刘洋'],
  ['ZhaoLei', '赵磊'],
  ['huangli', '黄丽'],
  ['zhoujie', '周杰'],
] as const;
const DEPARTMENTS = [
  '销售部',
  '市场部',
  '客服中心',
  '研发中心',
  '人力资源',
  '华东大区',
  '华南大区',
  '培训学院',
];
const TOPICS = [
  '新品发布会',
  '销售技巧培训',
  '季度经营复盘',
  '客户答疑直播',
  '产品使用入门',
  '安全生产月讲座',
  '新员工入职培训',
  '双十一预热活动',
  '渠道伙伴大会',
  '周例会',
];
const BATCH = 400;
const DAY = 86_400;

/** Seeds `corpId`'s store (the corp row must exist). Returns what the benches query. */
export async function seedStore(
  db: Knex,
  corpId: string,
  options: SeedOptions = DEFAULT_SEED,
): Promise<SeededStore> {
  const now = Date.now();
  const nowSeconds = Math.floor(now / 1000);
  const bigLivingid = 'lvBigPromotion3000';
  await db.transaction(async (trx) => {
    const rows = [];
    for (let n = 0; n < options.lives; n += 1) {
      const [anchorId, anchorName] = ANCHORS[n % ANCHORS.length] ?? ANCHORS[0];
      const big = n === Math.floor(options.lives / 3);
      // Two years of lives, newest first; the last 2% still reserved, a few on now, some cancelled.
      const reserveStart = nowSeconds - Math.floor(((options.lives - n) * 2 * 365 * DAY) / options.lives);
      const status = n > options.lives * 0.98 ? 0 : n % 97 === 0 ? 4 : n % 89 === 0 ? 3 : 2;
      const started = status === 2;
      const type = big || n % 3 === 0 ? 4 : n % 3 === 1 ? 3 : 0;
      const theme = `${DEPARTMENTS[n % DEPARTMENTS.length]}${TOPICS[(n * 7) % TOPICS.length]}第${1 + (n % 52)}期`;
      const info = {
        theme,
        living_start: started ? reserveStart + (n % 600) : reserveStart,
        living_duration: 1800 + (n % 5) * 600,
        status,
        reserve_start: reserveStart,
        reserve_living_duration: 3600,
        description: `${theme}：请提前 5 分钟进入直播间，会后可在企业微信中观看回放。`,
        anchor_userid: anchorId,
        main_department: 1 + (n % 12),
        viewer_num: started ? (big ? options.bigLiveViewers : options.viewersPerLive) : 0,
        comment_num: started ? n % 40 : 0,
        mic_num: started ? n % 3 : 0,
        open_replay: 1,
        replay_status: started ? 1 : 0,
        type,
        push_stream_url: '',
        online_count: 0,
        subscribe_count: n % 200,
      };
      rows.push({
        corp_id: corpId,
        livingid: big ? bigLivingid : `lv${String(n).padStart(6, '0')}${(n * 2_654_435_761) % 999_983}`,
        theme,
        description: info.description,
        type,
        status,
        anchor_userid: anchorId,
        // Lives created here carry the typed name; pulled ones do not.
        anchor_name: n % 4 === 0 ? anchorName : null,
        main_department: info.main_department,
        reserve_start: reserveStart,
        reserve_duration: 3600,
        actual_start: started ? info.living_start : null,
        actual_duration: started ? info.living_duration : null,
        viewer_num: info.viewer_num,
        comment_num: info.comment_num,
        mic_num: info.mic_num,
        open_replay: 1,
        replay_status: info.replay_status,
        online_count: 0,
        subscribe_count: info.subscribe_count,
        raw_info: JSON.stringify(info),
        created_by_us: n % 4 === 0,
        creator_userid: n % 4 === 0 ? anchorId.toLowerCase() : null,
        created_at: now - (options.lives - n) * 60_000,
        updated_at: now,
        // Lives never pulled (created here, not yet synced) have no sync times.
        last_synced_at: n % 50 === 7 ? null : now - (n % 1000) * 1000,
        stats_synced_at: started ? now - (n % 1000) * 1000 : null,
      });
    }
    // The list's theme sort key, as the store writes it with every theme.
    const keys = await themeSortKeys(rows.map((row) => row.theme));
    const keyed = rows.map((row, index) => ({ ...row, theme_sort: keys[index] ?? '' }));
    for (let start = 0; start < keyed.length; start += BATCH) {
      await trx('lives').insert(keyed.slice(start, start + BATCH));
    }
  });
  const big = (await db('lives').where({ corp_id: corpId, livingid: bigLivingid }).first('id')) as {
    id: number;
  };
  await db.transaction(async (trx) => {
    await seedPeople(trx, corpId, options, now);
    await seedViewers(trx, corpId, big.id, options, now);
    await seedPeaks(trx, corpId, now);
    await seedBigCheckins(trx, big.id, options, now, nowSeconds);
    await seedSmallCheckins(trx, corpId, big.id, now);
  });
  const count = async (table: string): Promise<number> =>
    Number(((await db(table).count({ n: '*' }).first()) as { n: number | string }).n);
  return {
    lives: await count('lives'),
    viewers: await count('live_viewers'),
    people: await count('live_people'),
    checkinRows: await count('live_checkin_records'),
    bigLivingid,
    keywords: ['培训', '华东大区', 'lv0042', '李伟', '不存在的主题'],
  };
}

/** `with recursive seq(i)` counting 0…count-1, to put in front of an INSERT … SELECT. */
const counter = (name: string, count: number): string =>
  `${name}(i) as (select 0 union all select i + 1 from ${name} where i < ${count - 1})`;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂';
/** A Chinese name from a number, e.g. 王伟芳. */
const chineseName = (expr: string): string =>
  `substr('${SURNAMES}', (${expr}) % 20 + 1, 1) || substr('${GIVEN}', (${expr}) / 20 % 25 + 1, 1) ||
   substr('${GIVEN}', (${expr}) / 500 % 25 + 1, 1)`;

async function seedPeople(trx: Knex.Transaction, corpId: string, options: SeedOptions, now: number) {
  await trx.raw(
    `with recursive ${counter('seq', options.members)}
     insert into live_people (corp_id, person_kind, person_id, name, source, updated_at)
     select ?, 'internal', 'member' || i, ${chineseName('i')}, 'user-get', ? from seq`,
    [corpId, now],
  );
  await trx.raw(
    `with recursive ${counter('seq', options.externals)}
     insert into live_people (corp_id, person_kind, person_id, name, source, updated_at)
     select ?, 'external', 'wmExt' || printf('%07d', i), ${chineseName('i * 7')} || '@微信', 'watch-stat', ?
     from seq`,
    [corpId, now],
  );
}

/**
 * ~100 viewers per started live (a third members, named only through the cache), 3,000 for the big
 * one. Promotion lives carry inviters: mostly members, some external, a few self-invites, some unnamed.
 */
async function seedViewers(
  trx: Knex.Transaction,
  corpId: string,
  bigId: number,
  options: SeedOptions,
  now: number,
) {
  const insert = (count: number, where: string, bindings: Array<string | number>) =>
    trx.raw(
      `with recursive ${counter('seq', count)}
       insert into live_viewers (live_id, viewer_kind, viewer_id, external_type, name, watch_time, is_comment,
         is_mic, invitor_userid, invitor_external_userid, inviter_name, inviter_rule, raw, first_seen_at,
         last_synced_at)
       select id, kind, viewer_id, case when kind = 'external' then 1 + (i % 5 = 0) end,
         case when kind = 'internal' then '' else ${chineseName('i * 13 + id')} || '@微信' end,
         (id * 31 + i * 97) % 5400, i % 7 = 0, i % 50 = 0,
         case when promo and i % 4 = 1 then 'member' || ((id + i * 3) % ${options.members})
              when promo and i % 4 = 3 and kind = 'internal' then viewer_id end,
         case when promo and i % 4 = 2 then 'wmExt' || printf('%07d', (id * 5 + i) % ${options.externals}) end,
         case when promo and i % 4 = 1 and i % 3 = 0 then ${chineseName('(id + i * 3) % ' + options.members)} end,
         case when not promo or i % 4 = 0 then null when i % 4 = 3 and kind = 'internal' then 'self'
              when i % 4 = 1 and i % 3 = 0 then 'people' when i % 4 = 3 then null else 'none' end,
         json_object('userid', viewer_id, 'watch_time', (id * 31 + i * 97) % 5400, 'is_comment', i % 7 = 0,
           'is_mic', i % 50 = 0), ?, ?
       from (select lives.id as id, seq.i as i, lives.type = 4 as promo,
               case when (lives.id + seq.i) % 3 = 0 then 'internal' else 'external' end as kind,
               case when (lives.id + seq.i) % 3 = 0 then 'member' || ((lives.id * 7 + seq.i) % ${options.members})
                    else 'wmExt' || printf('%07d', (lives.id * 13 + seq.i * 101) % 400000) end as viewer_id
             from lives cross join seq where ${where})`,
      [now, now, ...bindings],
    );
  await insert(options.viewersPerLive, 'lives.corp_id = ? and lives.id <> ? and lives.status = 2', [
    corpId,
    bigId,
  ]);
  await insert(options.bigLiveViewers, 'lives.id = ?', [bigId]);
}

async function seedPeaks(trx: Knex.Transaction, corpId: string, now: number) {
  await trx.raw(
    `insert into live_online_peaks (live_id, peak_online, peak_online_at, samples)
     select id, 20 + id % 180, ? - id * 1000, 10 + id % 50 from lives
     where corp_id = ? and status = 2 and id % 5 <> 0`,
    [now, corpId],
  );
}

/**
 * The big live's workbook: per round about half the rows match a viewer (a different half each round),
 * some are ambiguous (two viewers of that name), the rest name nobody among the viewers.
 */
async function seedBigCheckins(
  trx: Knex.Transaction,
  bigId: number,
  options: SeedOptions,
  now: number,
  nowSeconds: number,
) {
  for (let round = 1; round <= options.bigLiveRounds; round += 1) {
    const startedAt = nowSeconds - 30 * DAY + round * 300;
    const [inserted] = (await trx('live_checkin_rounds')
      .insert({
        live_id: bigId,
        round_no: round,
        title: `第${'一二三四五六七八九十'[round - 1] ?? round}次签到`,
        started_at: startedAt,
        reported_count: options.rowsPerRound,
        source_file: '签到详情.xlsx',
        imported_at: now,
      })
      .returning('id')) as Array<{ id: number }>;
    const roundId = inserted?.id ?? 0;
    await trx.raw(
      `with recursive ${counter('seq', options.rowsPerRound)}
       insert into live_checkin_records (round_id, row_no, member_label, department, viewer_kind, viewer_id,
         match_state, checked_at)
       select ?, seq.i + 2, coalesce(nullif(v.name, ''), v.viewer_id, '路人' || seq.i), '', v.viewer_kind, v.viewer_id,
         case when v.id is not null then 'matched' when seq.i % 25 = 0 then 'ambiguous' else 'unmatched' end, ?
       from seq left join live_viewers v on v.live_id = ?
         and v.id = (select min(id) from live_viewers where live_id = ?) + (seq.i * 7 + ?) % ?
         and seq.i % 2 = 0`,
      [roundId, startedAt, bigId, bigId, round * 101, options.bigLiveViewers],
    );
  }
}

/** A check-in import of two rounds for one started live in thirty. */
async function seedSmallCheckins(trx: Knex.Transaction, corpId: string, bigId: number, now: number) {
  for (const round of [1, 2]) {
    await trx.raw(
      `insert into live_checkin_rounds (live_id, round_no, title, started_at, reported_count, source_file,
         imported_at)
       select id, ?, ?, coalesce(actual_start, reserve_start) + ?, 60, '签到.xlsx', ? from lives
       where corp_id = ? and status = 2 and id % 30 = 0 and id <> ?`,
      [round, round === 1 ? '第一次签到' : '第二次签到', round * 600, now, corpId, bigId],
    );
  }
  await trx.raw(
    `with recursive ${counter('seq', 60)}
     insert into live_checkin_records (round_id, row_no, member_label, department, viewer_kind, viewer_id,
       match_state, checked_at)
     select r.id, seq.i + 2, coalesce(nullif(v.name, ''), v.viewer_id, '访客' || seq.i), '', v.viewer_kind, v.viewer_id,
       case when v.id is null then 'unmatched' else 'matched' end, r.started_at
     from live_checkin_rounds r cross join seq
       left join live_viewers v on v.live_id = r.live_id
         and v.id = (select min(id) from live_viewers where live_id = r.live_id) + seq.i + r.round_no
         and seq.i % 4 <> 3
     where r.live_id <> ? and r.live_id in (select id from lives where corp_id = ?)`,
    [bigId, corpId],
  );
}

// A small live store with known answers for the report specs (docs/report-plugins.md): two corps, lives in
// and out of a date range, viewers invited by members and an external contact, a self-invite, and
// check-ins matched, repeated and unmatched. The expected figures are worked out in report specs.
import type { Knex } from 'knex';
import { epochOfWallClock } from '../../sdk/contracts/zoned-time.js';

const ZONE = 'Asia/Shanghai';
export const at = (month: number, day: number, hour = 10): number =>
  Math.floor(epochOfWallClock({ year: 2026, month, day, hour, minute: 0, second: 0 }, ZONE) / 1000);

interface Viewer {
  kind?: 'internal' | 'external';
  id: string;
  name?: string;
  externalType?: number;
  watch: number;
  inviter?: string;
  inviterExternal?: string;
  inviterName?: string;
  self?: boolean;
}

async function live(
  db: Knex,
  corpId: string,
  livingid: string,
  theme: string,
  start: number,
): Promise<number> {
  const [id] = (await db('lives').insert({
    corp_id: corpId,
    livingid,
    theme,
    status: 2,
    anchor_userid: 'anchor1',
    anchor_name: '主播甲',
    actual_start: start,
    actual_duration: 3600,
    created_at: 0,
    updated_at: 0,
  })) as number[];
  return id as number;
}

async function viewers(db: Knex, liveId: number, rows: Viewer[]): Promise<void> {
  for (const v of rows) {
    await db('live_viewers').insert({
      live_id: liveId,
      viewer_kind: v.kind ?? 'internal',
      viewer_id: v.id,
      external_type: v.kind === 'external' ? (v.externalType ?? 1) : null,
      name: v.name ?? '',
      watch_time: v.watch,
      invitor_userid: v.self === true ? v.id : (v.inviter ?? null),
      invitor_external_userid: v.inviterExternal ?? null,
      inviter_name: v.inviterName ?? null,
      inviter_rule: v.self === true ? 'self' : v.inviterName !== undefined ? 'watch-stat' : null,
      first_seen_at: 0,
      last_synced_at: 0,
    });
  }
}

async function round(
  db: Knex,
  liveId: number,
  roundNo: number,
  started: number,
  records: Array<{ label: string; viewer?: [string, string] }>,
): Promise<void> {
  const [roundId] = (await db('live_checkin_rounds').insert({
    live_id: liveId,
    round_no: roundNo,
    title: `第${roundNo}次签到`,
    started_at: started,
    reported_count: records.length,
    imported_at: 0,
  })) as number[];
  for (const [index, record] of records.entries()) {
    await db('live_checkin_records').insert({
      round_id: roundId,
      row_no: index + 1,
      member_label: record.label,
      viewer_kind: record.viewer?.[0] ?? null,
      viewer_id: record.viewer?.[1] ?? null,
      match_state: record.viewer === undefined ? 'unmatched' : 'matched',
    });
  }
}

/** Corp A's lives a1 (Mar 2), a2 (Mar 10), a3 (Apr 20); corp B's b1 (Mar 5) with the same inviter id. */
export async function seedReportStore(db: Knex, corpA: string, corpB: string): Promise<void> {
  const a1 = await live(db, corpA, 'live-a1', '三月第一场', at(3, 2));
  await viewers(db, a1, [
    { id: 'u1', name: '张三', watch: 1200, inviter: 'inv1', inviterName: '李经理' },
    { id: 'u2', name: '王五', watch: 300, inviter: 'inv1', inviterName: '李经理' },
    { kind: 'external', id: 'e1', name: '微信客户', watch: 900, inviter: 'inv1', inviterName: '李经理' },
    { id: 'u3', name: '赵六', watch: 0, inviterExternal: 'ext9' },
    { id: 'u4', name: '孙七', watch: 600, self: true },
    { id: 'u5', name: '周八', watch: 100 },
  ]);
  await db('live_people').insert({
    corp_id: corpA,
    person_kind: 'external',
    person_id: 'ext9',
    name: '外部甲',
    source: 'checkin',
    updated_at: 0,
  });
  await round(db, a1, 1, at(3, 2, 11), [
    { label: '张三', viewer: ['internal', 'u1'] },
    { label: '微信客户@微信', viewer: ['external', 'e1'] },
    { label: '某人' },
  ]);
  await round(db, a1, 2, at(3, 2, 12), [{ label: '张三', viewer: ['internal', 'u1'] }]);
  const a2 = await live(db, corpA, 'live-a2', '三月第二场', at(3, 10));
  await viewers(db, a2, [
    { id: 'u1', name: '张三', watch: 60, inviter: 'inv1', inviterName: '李经理' },
    { id: 'u6', name: '吴九', watch: 3000, inviter: 'inv2', inviterName: '赵主管' },
  ]);
  await round(db, a2, 1, at(3, 10, 11), [{ label: '吴九', viewer: ['internal', 'u6'] }]);
  const a3 = await live(db, corpA, 'live-a3', '四月场', at(4, 20));
  await viewers(db, a3, [{ id: 'u7', name: '郑十', watch: 100, inviter: 'inv1', inviterName: '李经理' }]);
  const b1 = await live(db, corpB, 'live-b1', '乙公司直播', at(3, 5));
  await viewers(db, b1, [
    { id: 'u1', name: '乙张三', watch: 5000, inviter: 'inv1', inviterName: '乙经理' },
    { id: 'x2', name: '乙客户', watch: 4000, inviter: 'inv1', inviterName: '乙经理' },
  ]);
}

/** `count` more viewers of live a1 invited by inv3 (for the timeout and row-cap specs). */
export async function addViewers(db: Knex, livingid: string, count: number): Promise<void> {
  const live = (await db('lives').where({ livingid }).first('id')) as { id: number };
  const rows = Array.from({ length: count }, (_, i) => ({
    live_id: live.id,
    viewer_kind: 'internal',
    viewer_id: `bulk${i}`,
    name: `批量${i}`,
    watch_time: i,
    invitor_userid: 'inv3',
    first_seen_at: 0,
    last_synced_at: 0,
  }));
  for (let i = 0; i < rows.length; i += 200) await db('live_viewers').insert(rows.slice(i, i + 200));
}

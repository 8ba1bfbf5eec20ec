import type { Knex } from 'knex';
import type { LiveCheckinTotals } from '../../../sdk/contracts/lives.js';

interface TotalsRow {
  livingid: string;
  rounds: number | string;
  checkins: number | string;
  people: number | string;
}

// Ids per IN list: well under SQLite's bound on bound parameters.
const IDS_PER_QUERY = 500;

/**
 * Check-in totals of some lives (R4.2): imported rounds, check-ins (one per record) and people (a record
 * matched to a viewer counts as that viewer, an unmatched one by its 已签到成员 label, so one person
 * checking in to several rounds counts once). Lives without rounds answer zeros (“未导入签到”).
 */
export async function checkinTotals(
  db: Knex,
  corpId: string,
  livingids: readonly string[],
): Promise<Record<string, LiveCheckinTotals>> {
  const totals: Record<string, LiveCheckinTotals> = {};
  for (const livingid of livingids) totals[livingid] = { rounds: 0, checkins: 0, people: 0 };
  const unique = [...new Set(livingids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const rows = (await db('lives')
      .join('live_checkin_rounds as r', 'r.live_id', 'lives.id')
      .leftJoin('live_checkin_records as c', 'c.round_id', 'r.id')
      .where('lives.corp_id', corpId)
      .whereIn('lives.livingid', unique.slice(start, start + IDS_PER_QUERY))
      .groupBy('lives.livingid')
      .select('lives.livingid')
      .select(db.raw('count(distinct r.id) as rounds'))
      .select(db.raw('count(c.id) as checkins'))
      .select(
        db.raw(
          `count(distinct case when c.id is null then null
             when c.viewer_id is not null and c.match_state = 'matched' then c.viewer_kind || ':' || c.viewer_id
             else 'label:' || c.member_label end) as people`,
        ),
      )) as TotalsRow[];
    for (const row of rows) {
      totals[row.livingid] = {
        rounds: Number(row.rounds),
        checkins: Number(row.checkins),
        people: Number(row.people),
      };
    }
  }
  return totals;
}

import type { Knex } from 'knex';
import type { LiveCheckinTotals } from '../../../sdk/contracts/lives.js';
import { CheckinFigures } from './checkin-figures.js';

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
 * matched to a viewer counts as that viewer, so one person checking in to several rounds counts once;
 * rows without a viewer as `unmatchedPeople` says). Lives without rounds answer zeros (「未导入签到」).
 * Counted once per import and kept in `figures`: a list page reads only the rounds' ids.
 */
export async function checkinTotals(
  db: Knex,
  corpId: string,
  livingids: readonly string[],
  figures: CheckinFigures,
): Promise<Record<string, LiveCheckinTotals>> {
  const totals: Record<string, LiveCheckinTotals> = {};
  for (const livingid of livingids) totals[livingid] = { rounds: 0, checkins: 0, people: 0 };
  const unique = [...new Set(livingids)];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const rounds = (await db('lives')
      .join('live_checkin_rounds as r', 'r.live_id', 'lives.id')
      .where('lives.corp_id', corpId)
      .whereIn('lives.livingid', unique.slice(start, start + IDS_PER_QUERY))
      .select('lives.id as live_id', 'lives.livingid', 'r.id as round_id')) as Array<{
      live_id: number;
      livingid: string;
      round_id: number;
    }>;
    const lives = new Map<string, { liveId: number; roundIds: number[] }>();
    for (const row of rounds) {
      const live = lives.get(row.livingid) ?? { liveId: row.live_id, roundIds: [] };
      live.roundIds.push(row.round_id);
      lives.set(row.livingid, live);
    }
    const missing: string[] = [];
    for (const [livingid, live] of lives) {
      const kept = figures.totals(live.liveId, CheckinFigures.stamp(live.roundIds));
      if (kept === undefined) missing.push(livingid);
      else totals[livingid] = kept;
    }
    if (missing.length === 0) continue;
    const counted = await countTotals(db, corpId, missing);
    for (const livingid of missing) {
      const live = lives.get(livingid);
      const found = counted.get(livingid);
      if (live === undefined || found === undefined) continue;
      figures.keepTotals(live.liveId, CheckinFigures.stamp(live.roundIds), found);
      totals[livingid] = found;
    }
  }
  return totals;
}

/** The totals counted over the records of some lives that have rounds. */
async function countTotals(
  db: Knex,
  corpId: string,
  livingids: readonly string[],
): Promise<Map<string, LiveCheckinTotals>> {
  const rows = (await db('lives')
    .join('live_checkin_rounds as r', 'r.live_id', 'lives.id')
    .leftJoin('live_checkin_records as c', 'c.round_id', 'r.id')
    .where('lives.corp_id', corpId)
    .whereIn('lives.livingid', livingids)
    .groupBy('lives.livingid')
    .select('lives.livingid')
    .select(db.raw('count(distinct r.id) as rounds'))
    .select(db.raw('count(c.id) as checkins'))
    .select(
      db.raw(
        `count(distinct case when c.match_state = 'matched' then c.viewer_kind || ':' || c.viewer_id end)
           as people`,
      ),
    )) as TotalsRow[];
  const unmatched = await unmatchedPeople(db, corpId, livingids);
  return new Map(
    rows.map((row) => [
      row.livingid,
      {
        rounds: Number(row.rounds),
        checkins: Number(row.checkins),
        people: Number(row.people) + (unmatched.get(row.livingid) ?? 0),
      },
    ]),
  );
}

/**
 * People behind the rows no viewer was matched to, per live: a label repeated in one round is that many
 * different people (two 张伟 in one round), the same label in several rounds may be the same person, so
 * each label counts as often as it appears in its busiest round.
 */
async function unmatchedPeople(
  db: Knex,
  corpId: string,
  livingids: readonly string[],
): Promise<Map<string, number>> {
  const perRound = db('live_checkin_records as c')
    .join('live_checkin_rounds as r', 'r.id', 'c.round_id')
    .join('lives', 'lives.id', 'r.live_id')
    .where('lives.corp_id', corpId)
    .whereIn('lives.livingid', livingids)
    .whereNot('c.match_state', 'matched')
    .groupBy('lives.livingid', 'c.member_label', 'r.id')
    .select('lives.livingid', 'c.member_label')
    .count({ n: '*' })
    .as('per_round');
  const perLabel = db
    .from(perRound)
    .groupBy('livingid', 'member_label')
    .select('livingid')
    .max({ n: 'n' })
    .as('per_label');
  const rows = (await db
    .from(perLabel)
    .groupBy('livingid')
    .select('livingid')
    .sum({ people: 'n' })) as Array<{
    livingid: string;
    people: number | string | null;
  }>;
  return new Map(rows.map((row) => [row.livingid, Number(row.people ?? 0)]));
}

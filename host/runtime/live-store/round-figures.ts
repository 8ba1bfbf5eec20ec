import type { Knex } from 'knex';
import { CheckinFigures, type RoundFigures } from './checkin-figures.js';

/**
 * A live's per-round figures (records, matched records, distinct viewers matched) and the viewers
 * matched in any round: computed over the check-in index once per import, then kept in `figures`.
 */
export async function roundFigures(
  db: Knex,
  figures: CheckinFigures,
  liveId: number,
  roundIds: readonly number[],
): Promise<{ rounds: ReadonlyMap<number, RoundFigures>; checkedIn: number }> {
  if (roundIds.length === 0) return { rounds: new Map(), checkedIn: 0 };
  const stamp = CheckinFigures.stamp(roundIds);
  const kept = figures.rounds(liveId, stamp);
  if (kept !== undefined) return kept;
  const counts = (await db('live_checkin_records')
    .whereIn('round_id', roundIds)
    .groupBy('round_id')
    .select('round_id')
    .count({ records: '*' })
    .select(db.raw(`sum(case when match_state = 'matched' then 1 else 0 end) as matched`))) as Array<{
    round_id: number;
    records: number | string;
    matched: number | string | null;
  }>;
  const viewers = (await matchedViewers(db, liveId, roundIds)
    .groupBy('c.round_id')
    .select('c.round_id')
    .select(db.raw('count(distinct v.id) as viewers'))) as Array<{
    round_id: number;
    viewers: number | string;
  }>;
  const any = (await matchedViewers(db, liveId, roundIds)
    .select(db.raw('count(distinct v.id) as viewers'))
    .first()) as { viewers: number | string };
  const perRound = new Map<number, RoundFigures>(
    counts.map((row) => [
      row.round_id,
      { records: Number(row.records), matched: Number(row.matched ?? 0), viewers: 0 },
    ]),
  );
  for (const row of viewers) {
    const round = perRound.get(row.round_id);
    if (round !== undefined) round.viewers = Number(row.viewers);
  }
  figures.keepRounds(liveId, stamp, perRound, Number(any.viewers));
  return { rounds: perRound, checkedIn: Number(any.viewers) };
}

/** Matched check-in records of some rounds joined to the live's viewers they name (both by index). */
function matchedViewers(db: Knex, liveId: number, roundIds: readonly number[]): Knex.QueryBuilder {
  return db('live_checkin_records as c')
    .join('live_viewers as v', (join) =>
      join
        .on('v.live_id', db.raw('?', [liveId]))
        .andOn('v.viewer_kind', 'c.viewer_kind')
        .andOn('v.viewer_id', 'c.viewer_id'),
    )
    .whereIn('c.round_id', roundIds)
    .where('c.match_state', 'matched');
}

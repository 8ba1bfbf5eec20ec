// Check-in figures counted once per import and kept in memory per live: the list's totals (R4.2) and the
// detail's per-round counts (R5.2, R5.4). Read through CheckinReads (checkin-reads.ts) only.
import type { Knex } from 'knex';
import type { LiveCheckinTotals } from '../../../../sdk/contracts/lives.js';

/** A round's figures: its records, those matched to a viewer, and the distinct viewers they name. */
export interface RoundFigures {
  records: number;
  matched: number;
  viewers: number;
}

interface Entry {
  stamp: string;
  totals?: LiveCheckinTotals;
  rounds?: ReadonlyMap<number, RoundFigures>;
  checkedIn?: number;
}

// Lives whose figures are kept: a few pages of the list and the details opened lately.
const MAX_ENTRIES = 2_000;

/**
 * Check-in figures per live, computed once per import instead of on every list page and detail call
 * (a 10 × 5,000-row workbook is 50,000 records to count). A live's entry is valid for one set of rounds:
 * its stamp is the rounds' count and largest id, and every import replaces the rounds with new ids
 * (AUTOINCREMENT never reuses one), so an import elsewhere can never leave a stale figure here. A write
 * that changes records without replacing the rounds must call `forget`.
 */
export class CheckinFigures {
  private readonly entries = new Map<number, Entry>();

  /** The stamp of a live's rounds as read from live_checkin_rounds. */
  static stamp(roundIds: readonly number[]): string {
    return `${roundIds.length}:${Math.max(0, ...roundIds)}`;
  }

  totals(liveId: number, stamp: string): LiveCheckinTotals | undefined {
    return this.valid(liveId, stamp)?.totals;
  }

  rounds(
    liveId: number,
    stamp: string,
  ): { rounds: ReadonlyMap<number, RoundFigures>; checkedIn: number } | undefined {
    const entry = this.valid(liveId, stamp);
    return entry?.rounds === undefined || entry.checkedIn === undefined
      ? undefined
      : { rounds: entry.rounds, checkedIn: entry.checkedIn };
  }

  keepTotals(liveId: number, stamp: string, totals: LiveCheckinTotals): void {
    this.entry(liveId, stamp).totals = totals;
  }

  keepRounds(
    liveId: number,
    stamp: string,
    rounds: ReadonlyMap<number, RoundFigures>,
    checkedIn: number,
  ): void {
    const entry = this.entry(liveId, stamp);
    entry.rounds = rounds;
    entry.checkedIn = checkedIn;
  }

  forget(liveId: number): void {
    this.entries.delete(liveId);
  }

  private valid(liveId: number, stamp: string): Entry | undefined {
    const entry = this.entries.get(liveId);
    return entry?.stamp === stamp ? entry : undefined;
  }

  private entry(liveId: number, stamp: string): Entry {
    const current = this.valid(liveId, stamp);
    if (current !== undefined) return current;
    const fresh: Entry = { stamp };
    this.entries.delete(liveId);
    this.entries.set(liveId, fresh);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return fresh;
  }
}

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

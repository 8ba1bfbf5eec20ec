import type { Knex } from 'knex';

const RESERVED = 0;
const LIVE = 1;
/**
 * A reservation is asked about from its reserved start until its reserved end plus this margin, so an
 * anchor who starts late is picked up within a sample interval. Later starts are still caught: the list's
 * sync and the final detail pulls store the new status, and a live stored as on is sampled.
 */
export const LATE_START_MARGIN_S = 3600;
/** Bound for the index range on reserve_start; longer reservations are still filtered exactly below. */
const LONGEST_WINDOW_S = 2 * 24 * 3600;

export interface SamplingTarget {
  corpId: string;
  livingid: string;
}

/**
 * The lives to sample now, over every saved corp: those WeCom last reported as on (status 1) and those
 * still reserved (status 0) whose reserved start has passed, within the late-start window. Ended,
 * expired and cancelled lives (2, 3, 4) are never asked again. Uses the (status, reserve_start) index.
 */
export async function samplingTargets(db: Knex, nowMs: number): Promise<SamplingTarget[]> {
  const nowS = Math.floor(nowMs / 1000);
  const rows = (await db('lives')
    .where('status', LIVE)
    .orWhere((reserved) =>
      reserved
        .where('status', RESERVED)
        .where('reserve_start', '<=', nowS)
        .where('reserve_start', '>=', nowS - LONGEST_WINDOW_S),
    )
    .orderBy(['corp_id', 'id'])
    .select('corp_id', 'livingid', 'status', 'reserve_start', 'reserve_duration')) as Array<{
    corp_id: string;
    livingid: string;
    status: number;
    reserve_start: number | string | null;
    reserve_duration: number | null;
  }>;
  return rows
    .filter(
      (row) =>
        row.status === LIVE ||
        Number(row.reserve_start) + (row.reserve_duration ?? 0) + LATE_START_MARGIN_S >= nowS,
    )
    .map((row) => ({ corpId: row.corp_id, livingid: row.livingid }));
}

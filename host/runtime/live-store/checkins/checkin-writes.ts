// Every write of check-ins (R6): a whole workbook at a time, in one transaction (a re-import of the same
// workbook leaves the same rows; a new one replaces the live's rounds), and an ambiguous row resolved by
// hand (R6.2: the pick kept in live_checkin_resolutions by the row's workbook identity, applied at once
// and on every later import). Reads are checkin-reads.ts.
import type { Knex } from 'knex';
import { AppError } from '../../../../sdk/contracts/errors.js';
import type {
  CheckinCandidate,
  CheckinResolutionInput,
  CheckinRoundInput,
  ViewerKind,
} from '../../../../sdk/contracts/lives.js';
import { nextTurn } from '../../../../sdk/main/event-loop.js';
import { ambiguousRecord, candidatesOf, liveIdOf } from './checkin-reads.js';

/**
 * One round's records in one statement: the rows go as one JSON array that SQLite's json_each unpacks,
 * instead of 40,000 bound parameters per round (binding them cost about a fifth of the import's write).
 * The JSON is built before the transaction, so the database is held for the inserts alone: every request
 * waits for the connection while an import writes (docs/architecture.md, "Live store").
 */
const RECORD_INSERT = `insert into "live_checkin_records"
  ("round_id", "row_no", "member_label", "department", "match_state", "viewer_kind", "viewer_id", "checked_at")
  select ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, ?
  from json_each(?)`;

/** A round's records as the JSON `RECORD_INSERT` reads: [row, label, department, state, kind, id]. */
function recordsJson(round: CheckinRoundInput): string {
  return JSON.stringify(
    round.records.map((record) => {
      const matched = record.matchState === 'matched';
      return [
        record.rowNo,
        record.memberLabel,
        record.department,
        record.matchState,
        matched ? (record.viewerKind ?? null) : null,
        matched ? (record.viewerId ?? null) : null,
      ];
    }),
  );
}

export async function replaceCheckins(
  db: Knex,
  now: number,
  corpId: string,
  livingid: string,
  rounds: readonly CheckinRoundInput[],
  sourceFile: string | null,
): Promise<{ rounds: number; records: number }> {
  const payloads: string[] = [];
  for (const round of rounds) {
    payloads.push(recordsJson(round));
    await nextTurn();
  }
  return db.transaction(async (trx) => {
    const liveId = await liveIdOf(trx, corpId, livingid);
    // Records first: correct even where a connection runs without foreign keys.
    await trx('live_checkin_records')
      .whereIn('round_id', trx('live_checkin_rounds').select('id').where('live_id', liveId))
      .delete();
    await trx('live_checkin_rounds').where('live_id', liveId).delete();
    let records = 0;
    for (const [index, round] of rounds.entries()) {
      const [inserted] = (await trx('live_checkin_rounds')
        .insert({
          live_id: liveId,
          round_no: round.roundNo,
          title: round.title,
          started_at: round.startedAt,
          reported_count: round.reportedCount,
          source_file: sourceFile,
          imported_at: now,
        })
        .returning('id')) as Array<{ id: number } | number>;
      const roundId = typeof inserted === 'object' ? inserted.id : (inserted ?? 0);
      await trx.raw(RECORD_INSERT, [roundId, round.startedAt ?? null, payloads[index] ?? '[]']);
      records += round.records.length;
      // The event loop turns between rounds (a 10 × 5,000 import writes for about 0.2 s): requests are
      // taken meanwhile, and those that need the database wait for the commit.
      await nextTurn();
    }
    // Ambiguous rows a user resolved on an earlier import of this workbook stay resolved.
    await applyResolutions(trx, liveId);
    return { rounds: rounds.length, records };
  });
}

/**
 * Keeps the pick and matches the record to the viewer, in one transaction. Answers the live's id (whose
 * cached check-in figures the caller must forget) and the viewer picked.
 */
export async function resolveCheckin(
  db: Knex,
  now: number,
  corpId: string,
  livingid: string,
  resolution: CheckinResolutionInput,
  resolvedBy: string | null,
): Promise<{ liveId: number; viewer: CheckinCandidate }> {
  return db.transaction(async (trx) => {
    const liveId = await liveIdOf(trx, corpId, livingid);
    const record = await ambiguousRecord(trx, liveId, resolution);
    const viewer = (await candidatesOf(trx, corpId, liveId, resolution.memberLabel)).find(
      (candidate) => candidate.kind === resolution.viewerKind && candidate.viewerId === resolution.viewerId,
    );
    if (viewer === undefined)
      throw new AppError('INVALID_INPUT', '所选观众不是这一行签到的同名观众。', {
        viewerKind: resolution.viewerKind,
        viewerId: resolution.viewerId,
      });
    await trx('live_checkin_resolutions')
      .insert({
        live_id: liveId,
        round_no: resolution.roundNo,
        row_no: resolution.rowNo,
        member_label: resolution.memberLabel,
        viewer_kind: viewer.kind,
        viewer_id: viewer.viewerId,
        resolved_by: resolvedBy,
        resolved_at: now,
      })
      .onConflict(['live_id', 'round_no', 'row_no', 'member_label'])
      .merge(['viewer_kind', 'viewer_id', 'resolved_by', 'resolved_at']);
    await trx('live_checkin_records')
      .where('id', record.id)
      .update({ match_state: 'matched', viewer_kind: viewer.kind, viewer_id: viewer.viewerId });
    return { liveId, viewer };
  });
}

/**
 * After an import wrote the live's records: the rows a user resolved before (same round, row and label,
 * still ambiguous, the viewer still a viewer of the live) count as that viewer's again. A row the new
 * workbook matched by itself, or whose label changed, keeps what the import decided.
 */
async function applyResolutions(trx: Knex.Transaction, liveId: number): Promise<void> {
  const picks = (await trx('live_checkin_resolutions as s')
    .join('live_checkin_rounds as c', (join) =>
      join.on('c.live_id', 's.live_id').andOn('c.round_no', 's.round_no'),
    )
    .join('live_viewers as v', (join) =>
      join
        .on('v.live_id', 's.live_id')
        .andOn('v.viewer_kind', 's.viewer_kind')
        .andOn('v.viewer_id', 's.viewer_id'),
    )
    .where('s.live_id', liveId)
    .select('c.id as round_id', 's.row_no', 's.member_label', 's.viewer_kind', 's.viewer_id')) as Array<{
    round_id: number;
    row_no: number;
    member_label: string;
    viewer_kind: ViewerKind;
    viewer_id: string;
  }>;
  for (const pick of picks) {
    await trx('live_checkin_records')
      .where({
        round_id: pick.round_id,
        row_no: pick.row_no,
        member_label: pick.member_label,
        match_state: 'ambiguous',
      })
      .update({ match_state: 'matched', viewer_kind: pick.viewer_kind, viewer_id: pick.viewer_id });
  }
}

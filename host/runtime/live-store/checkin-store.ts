// Check-in rounds and records of the live store (R6): written a whole workbook at a time, in one
// transaction (a re-import of the same workbook leaves the same rows; a new one replaces the live's
// rounds), and read back per viewer for the live detail page (R5.2).
import type { Knex } from 'knex';
import { AppError } from '../../../sdk/contracts/errors.js';
import type {
  CheckinMatchState,
  CheckinRoundInput,
  CheckinRoundRecord,
  LiveCheckins,
  PageOf,
  UnmatchedCheckin,
  UnmatchedCheckinsQuery,
  ViewerCheckins,
  ViewerKind,
} from '../../../sdk/contracts/lives.js';
import type { CheckinFigures } from './checkin-figures.js';
import { rowsPerStatement } from './batched-writes.js';
import { applyResolutions } from './checkin-resolutions.js';
import { likePattern } from './live-list-query.js';
import { roundFigures } from './round-figures.js';

// Rows per multi-row insert: 8 columns × 500 rows stays well under SQLite's 32,766 bound parameters.
const RECORD_COLUMNS = [
  'round_id',
  'row_no',
  'member_label',
  'department',
  'match_state',
  'viewer_kind',
  'viewer_id',
  'checked_at',
] as const;
/** Rows per multi-row insert of check-in records. */
const RECORD_CHUNK = rowsPerStatement(RECORD_COLUMNS.length);
const recordInserts = new Map<number, string>();

/**
 * `insert into live_checkin_records (…) values (…), …` for `rows` rows, built by hand and kept: Knex's
 * builder spent longer compiling 50,000 rows than SQLite took to store them, and the same text is one
 * prepared statement in the connection's cache (statement-cache.ts).
 */
function recordInsertSql(rows: number): string {
  let text = recordInserts.get(rows);
  if (text === undefined) {
    const tuple = `(${RECORD_COLUMNS.map(() => '?').join(', ')})`;
    text =
      `insert into "live_checkin_records" (${RECORD_COLUMNS.map((column) => `"${column}"`).join(', ')}) ` +
      `values ${Array.from({ length: rows }, () => tuple).join(', ')}`;
    if (recordInserts.size >= 50) recordInserts.clear();
    recordInserts.set(rows, text);
  }
  return text;
}

interface RoundRow {
  id: number;
  round_no: number;
  title: string;
  started_at: number | string | null;
  reported_count: number | null;
  source_file: string | null;
  imported_at: number | string;
}

interface RecordRow {
  round_id: number;
  row_no: number;
  member_label: string;
  department: string;
  viewer_kind: ViewerKind | null;
  viewer_id: string | null;
  match_state: CheckinMatchState;
  checked_at: number | string | null;
}

export async function replaceCheckins(
  db: Knex,
  now: number,
  corpId: string,
  livingid: string,
  rounds: readonly CheckinRoundInput[],
  sourceFile: string | null,
): Promise<{ rounds: number; records: number }> {
  return db.transaction(async (trx) => {
    const liveId = await liveIdOf(trx, corpId, livingid);
    // Records first: correct even where a connection runs without foreign keys.
    await trx('live_checkin_records')
      .whereIn('round_id', trx('live_checkin_rounds').select('id').where('live_id', liveId))
      .delete();
    await trx('live_checkin_rounds').where('live_id', liveId).delete();
    let records = 0;
    for (const round of rounds) {
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
      const bindings: Array<string | number | null> = [];
      for (const record of round.records) {
        const matched = record.matchState === 'matched';
        bindings.push(
          roundId,
          record.rowNo,
          record.memberLabel,
          record.department,
          record.matchState,
          matched ? (record.viewerKind ?? null) : null,
          matched ? (record.viewerId ?? null) : null,
          round.startedAt ?? null,
        );
      }
      const width = RECORD_COLUMNS.length;
      for (let start = 0; start < round.records.length; start += RECORD_CHUNK) {
        const count = Math.min(RECORD_CHUNK, round.records.length - start);
        await trx.raw(recordInsertSql(count), bindings.slice(start * width, (start + count) * width));
      }
      records += round.records.length;
    }
    // Ambiguous rows a user resolved on an earlier import of this workbook stay resolved.
    await applyResolutions(trx, liveId);
    return { rounds: rounds.length, records };
  });
}

export async function readCheckins(db: Knex, corpId: string, livingid: string): Promise<LiveCheckins> {
  const liveId = await liveIdOf(db, corpId, livingid);
  const rounds = (await db('live_checkin_rounds')
    .where('live_id', liveId)
    .orderBy('round_no', 'asc')) as RoundRow[];
  const records = (await db('live_checkin_records as r')
    .join('live_checkin_rounds as c', 'c.id', 'r.round_id')
    .where('c.live_id', liveId)
    .orderBy([
      { column: 'c.round_no', order: 'asc' },
      { column: 'r.row_no', order: 'asc' },
    ])
    .select('r.*', 'c.round_no')) as Array<RecordRow & { round_no: number }>;
  const viewers = new Map<string, ViewerCheckins>();
  const unmatched: LiveCheckins['unmatched'] = [];
  const counts = new Map<number, { records: number; matched: number }>();
  for (const record of records) {
    const count = counts.get(record.round_id) ?? { records: 0, matched: 0 };
    count.records += 1;
    counts.set(record.round_id, count);
    if (record.match_state !== 'matched' || record.viewer_kind === null || record.viewer_id === null) {
      unmatched.push({
        roundNo: record.round_no,
        rowNo: record.row_no,
        memberLabel: record.member_label,
        department: record.department,
        matchState: record.match_state,
      });
      continue;
    }
    count.matched += 1;
    const key = `${record.viewer_kind}:${record.viewer_id}`;
    const viewer = viewers.get(key) ?? {
      kind: record.viewer_kind,
      viewerId: record.viewer_id,
      count: 0,
      rounds: [],
    };
    viewer.count += 1;
    viewer.rounds.push({ roundNo: record.round_no, checkedAt: nullableNumber(record.checked_at) });
    viewers.set(key, viewer);
  }
  return {
    rounds: rounds.map((row): CheckinRoundRecord => ({
      roundNo: row.round_no,
      title: row.title,
      startedAt: nullableNumber(row.started_at),
      reportedCount: row.reported_count,
      records: counts.get(row.id)?.records ?? 0,
      matched: counts.get(row.id)?.matched ?? 0,
      sourceFile: row.source_file,
      importedAt: Number(row.imported_at),
    })),
    viewers: [...viewers.values()],
    unmatched,
  };
}

const MAX_PAGE_SIZE = 500;

/** Rows kept without a viewer, in round and row order; keyword over label and department. */
export async function unmatchedCheckins(
  db: Knex,
  corpId: string,
  livingid: string,
  query: UnmatchedCheckinsQuery,
  figures?: CheckinFigures,
): Promise<PageOf<UnmatchedCheckin>> {
  const liveId = await liveIdOf(db, corpId, livingid);
  const keyword = query.keyword?.trim() ?? '';
  const filtered = (): Knex.QueryBuilder => {
    const builder = db('live_checkin_records as r')
      .join('live_checkin_rounds as c', 'c.id', 'r.round_id')
      .where('c.live_id', liveId)
      .whereNot('r.match_state', 'matched');
    if (keyword !== '') {
      const pattern = likePattern(keyword.toLowerCase());
      builder.where((inner) =>
        inner
          .orWhereRaw(`lower(r.member_label) like ? escape '\\'`, [pattern])
          .orWhereRaw(`lower(r.department) like ? escape '\\'`, [pattern]),
      );
    }
    return builder;
  };
  const total = await unmatchedTotal(db, liveId, keyword, filtered, figures);
  const rows = filtered()
    .select('c.round_no', 'c.title', 'c.started_at', 'r.row_no', 'r.member_label', 'r.department')
    .select('r.match_state', 'r.checked_at')
    .orderBy([
      { column: 'c.round_no', order: 'asc' },
      { column: 'r.row_no', order: 'asc' },
    ]);
  if (query.pageSize !== undefined) {
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize)), MAX_PAGE_SIZE);
    rows.limit(pageSize).offset((Math.max(1, Math.floor(query.page ?? 1)) - 1) * pageSize);
  }
  const found = (await rows) as Array<
    Pick<RecordRow, 'row_no' | 'member_label' | 'department' | 'match_state' | 'checked_at'> & {
      round_no: number;
      title: string;
      started_at: number | string | null;
    }
  >;
  return {
    total,
    rows: found.map((row) => ({
      roundNo: row.round_no,
      title: row.title,
      rowNo: row.row_no,
      memberLabel: row.member_label,
      department: row.department,
      matchState: row.match_state === 'ambiguous' ? 'ambiguous' : 'unmatched',
      at: nullableNumber(row.checked_at ?? row.started_at),
    })),
  };
}

/** Without a keyword: every round's records less its matched ones, as counted once per import. */
async function unmatchedTotal(
  db: Knex,
  liveId: number,
  keyword: string,
  filtered: () => Knex.QueryBuilder,
  figures: CheckinFigures | undefined,
): Promise<number> {
  if (keyword === '' && figures !== undefined) {
    const roundIds = (await db('live_checkin_rounds').where('live_id', liveId).pluck('id')) as number[];
    const { rounds } = await roundFigures(db, figures, liveId, roundIds);
    return [...rounds.values()].reduce((sum, round) => sum + round.records - round.matched, 0);
  }
  const total = (await filtered().count({ n: '*' }).first()) as { n: number | string };
  return Number(total.n);
}

async function liveIdOf(db: Knex | Knex.Transaction, corpId: string, livingid: string): Promise<number> {
  const live = (await db('lives').where({ corp_id: corpId, livingid }).first('id')) as
    { id: number } | undefined;
  if (live === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
  return live.id;
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

// Every read of check-ins, in one place: the rounds and records a workbook import wrote (R6), the rows kept
// without a viewer, the list's totals (R4.2), the detail's per-viewer check-ins and per-round figures
// (R5.2, R5.4) and the candidates of an ambiguous row (R6.2). The live store's methods, its viewer
// details (viewer-checkins.ts) and its viewer profile (viewer-profile-counts.ts) read check-ins only
// through `CheckinReads`; plugins read them through `ctx.liveStore`. Writes are checkin-writes.ts; what
// is counted once per import is checkin-figures.ts. See docs/architecture.md, "Live store".
import type { Knex } from 'knex';
import { AppError } from '../../../../sdk/contracts/errors.js';
import type {
  CheckinCandidate,
  CheckinMatchState,
  CheckinRoundRecord,
  CheckinRowRef,
  LiveCheckins,
  LiveCheckinTotals,
  PageOf,
  UnmatchedCheckin,
  UnmatchedCheckinsQuery,
  ViewerCheckins,
  ViewerKind,
} from '../../../../sdk/contracts/lives.js';
import { normaliseName, originFits, parseMemberLabel } from '../../../../sdk/contracts/checkin-labels.js';
import { likePattern } from '../live-list-query.js';
import { checkinTotals, CheckinFigures, roundFigures } from './checkin-figures.js';

/** A live's check-in round with its figures (records, matched records, distinct viewers matched). */
export interface RoundWithFigures extends Omit<CheckinRoundRecord, 'sourceFile' | 'importedAt'> {
  id: number;
  viewers: number;
}

/** A matched record as the detail reads it: its round, the viewer and the time. */
export interface MatchedRecord {
  round_id: number;
  viewer_kind: string;
  viewer_id: string;
  checked_at: number | string | null;
}

// Bound parameters per `whereIn`: well under SQLite's limit.
const ID_CHUNK = 500;
// Past this many viewers the rounds' matched records are read at once instead of by viewer id chunks.
const WHOLE_LIVE_ROWS = 5 * ID_CHUNK;

/**
 * The live store's check-in reads. Keeps the figures counted once per import (`CheckinFigures`); a write
 * that changes records without replacing the rounds must call `forget`.
 */
export class CheckinReads {
  private readonly figures = new CheckinFigures();

  constructor(private readonly db: Knex) {}

  /** The live's rounds and, per matched viewer, the count and each round's time. NOT_FOUND when not stored. */
  async checkins(corpId: string, livingid: string): Promise<LiveCheckins> {
    return readCheckins(this.db, await liveIdOf(this.db, corpId, livingid));
  }

  /** Rows kept without a viewer, in round and row order; keyword over label and department. */
  async unmatched(
    corpId: string,
    livingid: string,
    query: UnmatchedCheckinsQuery,
  ): Promise<PageOf<UnmatchedCheckin>> {
    return unmatchedCheckins(this.db, await liveIdOf(this.db, corpId, livingid), query, this.figures);
  }

  /** Check-in totals per livingid (every id asked answers; zeros when no rounds were imported). */
  totals(corpId: string, livingids: readonly string[]): Promise<Record<string, LiveCheckinTotals>> {
    return checkinTotals(this.db, corpId, livingids, this.figures);
  }

  /** The viewers an ambiguous row may belong to; NOT_FOUND for a row that is not ambiguous (any more). */
  async candidates(corpId: string, livingid: string, row: CheckinRowRef): Promise<CheckinCandidate[]> {
    const liveId = await liveIdOf(this.db, corpId, livingid);
    await ambiguousRecord(this.db, liveId, row);
    return candidatesOf(this.db, corpId, liveId, row.memberLabel);
  }

  /** A live's rounds in order, each with its figures, and the viewers matched in any round. */
  async rounds(liveId: number): Promise<{ rounds: RoundWithFigures[]; checkedIn: number }> {
    const rows = (await this.db('live_checkin_rounds')
      .where('live_id', liveId)
      .orderBy('round_no')
      .select('id', 'round_no', 'title', 'started_at', 'reported_count')) as Array<
      Pick<RoundRow, 'id' | 'round_no' | 'title' | 'started_at' | 'reported_count'>
    >;
    const { rounds: counts, checkedIn } = await roundFigures(
      this.db,
      this.figures,
      liveId,
      rows.map((round) => round.id),
    );
    return {
      rounds: rows.map((round) => ({
        id: round.id,
        roundNo: round.round_no,
        title: round.title,
        startedAt: nullableNumber(round.started_at),
        reportedCount: round.reported_count,
        records: counts.get(round.id)?.records ?? 0,
        matched: counts.get(round.id)?.matched ?? 0,
        viewers: counts.get(round.id)?.viewers ?? 0,
      })),
      checkedIn,
    };
  }

  /**
   * Matched records of `roundIds` by viewer id (the kind is for the caller to check), for the viewers
   * `viewerIds` of a page, or for the whole live when there are many or `'all'` are asked (the export).
   */
  matchedByViewer(
    roundIds: readonly number[],
    viewerIds: readonly string[] | 'all',
  ): Promise<Map<string, MatchedRecord[]>> {
    return matchedRecords(this.db, roundIds, viewerIds);
  }

  /** Drops the live's figures: its records changed without new rounds (a resolved row). */
  forget(liveId: number): void {
    this.figures.forget(liveId);
  }
}

/** The matched check-in records of the viewer row `v` of live_viewers, on the records' viewer index. */
function matchedRecordsOf(v: string): string {
  return `from live_checkin_records r
      where r.round_id in (select cr.id from live_checkin_rounds cr where cr.live_id = ${v}.live_id)
        and r.match_state = 'matched' and r.viewer_id = ${v}.viewer_id and r.viewer_kind = ${v}.viewer_kind`;
}

/**
 * "Checked in": an EXISTS on the check-in records' viewer index (round, state, viewer) for the viewer
 * row `v` of live_viewers.
 */
export function checkedInSql(v: string): string {
  return `exists (select 1 ${matchedRecordsOf(v)})`;
}

/** How many matched check-ins the viewer row `v` has over every round (the detail's 签到 sort). */
export function matchedCheckinCountSql(v: string): string {
  return `(select count(*) ${matchedRecordsOf(v)})`;
}

/** The live's id; NOT_FOUND when it is not stored. */
export async function liveIdOf(
  db: Knex | Knex.Transaction,
  corpId: string,
  livingid: string,
): Promise<number> {
  const live = (await db('lives').where({ corp_id: corpId, livingid }).first('id')) as
    { id: number } | undefined;
  if (live === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
  return live.id;
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

async function readCheckins(db: Knex, liveId: number): Promise<LiveCheckins> {
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
async function unmatchedCheckins(
  db: Knex,
  liveId: number,
  query: UnmatchedCheckinsQuery,
  figures: CheckinFigures,
): Promise<PageOf<UnmatchedCheckin>> {
  const keyword = query.keyword?.trim() ?? '';
  const filtered = (): Knex.QueryBuilder => {
    const builder = db('live_checkin_records as r')
      .join('live_checkin_rounds as c', 'c.id', 'r.round_id')
      .where('c.live_id', liveId)
      // The states by name, not `<> 'matched'`: the record index then visits only the rows kept without
      // a viewer (a search over a 10 × 5,000 live reads hundreds of rows, not 50,000).
      .whereIn('r.match_state', UNMATCHED_STATES);
    if (keyword !== '') {
      const pattern = likePattern(keyword.toLowerCase());
      builder.where((inner) =>
        inner
          .orWhereRaw(`r.member_label like ? escape '\\'`, [pattern])
          .orWhereRaw(`r.department like ? escape '\\'`, [pattern]),
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
  figures: CheckinFigures,
): Promise<number> {
  if (keyword === '') {
    const roundIds = (await db('live_checkin_rounds').where('live_id', liveId).pluck('id')) as number[];
    const { rounds } = await roundFigures(db, figures, liveId, roundIds);
    return [...rounds.values()].reduce((sum, round) => sum + round.records - round.matched, 0);
  }
  const total = (await filtered().count({ n: '*' }).first()) as { n: number | string };
  return Number(total.n);
}

const UNMATCHED_STATES: readonly CheckinMatchState[] = ['ambiguous', 'unmatched'];

/** Matched check-in records by viewer id (the kind is checked where they are read: `toDetail`). */
async function matchedRecords(
  db: Knex,
  roundIds: readonly number[],
  viewerIds: readonly string[] | 'all',
): Promise<Map<string, MatchedRecord[]>> {
  const byViewerId = new Map<string, MatchedRecord[]>();
  if (roundIds.length === 0 || (viewerIds !== 'all' && viewerIds.length === 0)) return byViewerId;
  const add = (found: readonly MatchedRecord[]): void => {
    for (const record of found) {
      const list = byViewerId.get(record.viewer_id);
      if (list === undefined) byViewerId.set(record.viewer_id, [record]);
      else list.push(record);
    }
  };
  const matched = (rounds: readonly number[]) =>
    db('live_checkin_records')
      .whereIn('round_id', rounds)
      .where('match_state', 'matched')
      .select('round_id', 'viewer_kind', 'viewer_id', 'checked_at');
  if (viewerIds === 'all' || viewerIds.length > WHOLE_LIVE_ROWS) {
    // A whole big live (the export): a read of each round's records beats hundreds of id chunks (a record
    // of a viewer not among the rows is never looked up), and the event loop turns between rounds.
    for (const roundId of roundIds) {
      add((await matched([roundId])) as MatchedRecord[]);
    }
    return byViewerId;
  }
  const ids = [...new Set(viewerIds)];
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    add(
      (await matched(roundIds).whereIn('viewer_id', ids.slice(start, start + ID_CHUNK))) as MatchedRecord[],
    );
  }
  return byViewerId;
}

interface AmbiguousRecord {
  id: number;
  live_id: number;
}

/** The record of an ambiguous row, by the round's number, the row and the label as written. */
export async function ambiguousRecord(
  db: Knex | Knex.Transaction,
  liveId: number,
  row: CheckinRowRef,
): Promise<AmbiguousRecord> {
  const found = (await db('live_checkin_records as r')
    .join('live_checkin_rounds as c', 'c.id', 'r.round_id')
    .where({ 'c.live_id': liveId, 'c.round_no': row.roundNo, 'r.row_no': row.rowNo })
    .where('r.member_label', row.memberLabel)
    .where('r.match_state', 'ambiguous')
    .first('r.id', 'c.live_id')) as AmbiguousRecord | undefined;
  if (found === undefined)
    throw new AppError('NOT_FOUND', '这一行签到已不是待确认的同名签到，请刷新页面后再试。', { ...row });
  return found;
}

/** The live's viewers named as the row (the cached name for a member WeCom's stats left unnamed). */
export async function candidatesOf(
  db: Knex | Knex.Transaction,
  corpId: string,
  liveId: number,
  memberLabel: string,
): Promise<CheckinCandidate[]> {
  const { name, origin } = parseMemberLabel(memberLabel);
  const key = normaliseName(name);
  if (key === '') return [];
  const viewers = (await db('live_viewers as v')
    .leftJoin('live_people as vp', (join) =>
      join
        .on('vp.corp_id', db.raw('?', [corpId]))
        .andOn('vp.person_kind', 'v.viewer_kind')
        .andOn('vp.person_id', 'v.viewer_id'),
    )
    .where('v.live_id', liveId)
    .orderBy([
      { column: 'v.watch_time', order: 'desc' },
      { column: 'v.id', order: 'asc' },
    ])
    .select(
      'v.viewer_kind',
      'v.viewer_id',
      'v.external_type',
      'v.watch_time',
      db.raw(`coalesce(nullif(v.name, ''), vp.name, '') as shown_name`),
    )) as Array<{
    viewer_kind: ViewerKind;
    viewer_id: string;
    external_type: number | null;
    watch_time: number;
    shown_name: string;
  }>;
  return viewers
    .map((viewer): CheckinCandidate => ({
      kind: viewer.viewer_kind,
      viewerId: viewer.viewer_id,
      name: viewer.shown_name,
      externalType: viewer.external_type,
      watchTime: Number(viewer.watch_time),
    }))
    .filter(
      (viewer) => viewer.name !== '' && normaliseName(viewer.name) === key && originFits(origin, viewer),
    );
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

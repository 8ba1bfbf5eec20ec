import type { Knex } from 'knex';
import { AppError } from '../../../sdk/contracts/errors.js';
import {
  cachedInviterSql,
  inviterAsRead,
  inviterNameSql,
  invitedByOtherSql,
  type InviterSqlAliases,
} from '../../../sdk/contracts/inviter-naming.js';
import type {
  CheckinRoundSummary,
  ViewerCheckin,
  ViewerDetail,
  ViewerDetailsPage,
  ViewerFilters,
} from '../../../sdk/contracts/lives.js';
import type { ViewerDetailsQuery } from '../../../sdk/main/live-store.js';
import { likePattern } from './live-list-query.js';
import { toViewerRecord, type ViewerRow } from './live-rows.js';
import type { CheckinFigures } from './checkin-figures.js';
import { roundFigures } from './round-figures.js';

const MAX_PAGE_SIZE = 500;
// Bound parameters per `whereIn`: well under SQLite's limit.
const ID_CHUNK = 500;
// Past this many viewers the rounds' matched records are read at once instead of by viewer id chunks.
const WHOLE_LIVE_ROWS = 5 * ID_CHUNK;

interface DetailRow extends ViewerRow {
  cached_inviter_name: string | null;
  cached_inviter_source: string | null;
  cached_name: string | null;
}

interface RoundRow {
  id: number;
  round_no: number;
  title: string;
  started_at: number | string | null;
  reported_count: number | null;
}

interface RecordRow {
  round_id: number;
  viewer_kind: string;
  viewer_id: string;
  checked_at: number | string | null;
}

/**
 * Read-only: a live's viewers joined with their matched check-ins (R5.2) and, for inviters the merge
 * left unnamed, the name cache as it stands now (a later user/get names them: R4.6 rule 5). Keyword
 * search covers name, viewer id and inviter name; order is watch time, longest first.
 */
export async function viewerDetails(
  db: Knex,
  corpId: string,
  livingid: string,
  query: ViewerDetailsQuery,
  figures: CheckinFigures,
): Promise<ViewerDetailsPage> {
  const live = (await db('lives').where({ corp_id: corpId, livingid }).first('id')) as
    { id: number } | undefined;
  if (live === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
  const keyword = query.keyword?.trim() ?? '';
  const filters = query.filters ?? {};
  // Without a keyword the joins (each on a unique key) add no row: the count reads the viewer index only.
  const counted =
    keyword === ''
      ? applyViewerFilters(db('live_viewers as v').where('v.live_id', live.id), filters)
      : detailQuery(db, corpId, live.id, keyword, filters);
  const total = (await counted.count({ n: '*' }).first()) as { n: number | string };
  const rowsQuery = detailRowsQuery(db, corpId, live.id, keyword, filters);
  if (query.pageSize !== undefined) {
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize)), MAX_PAGE_SIZE);
    rowsQuery.limit(pageSize).offset((Math.max(1, Math.floor(query.page ?? 1)) - 1) * pageSize);
  }
  const rows = (await rowsQuery) as DetailRow[];
  const rounds = (await db('live_checkin_rounds')
    .where('live_id', live.id)
    .orderBy('round_no')
    .select('id', 'round_no', 'title', 'started_at', 'reported_count')) as RoundRow[];
  const records = await matchedRecords(db, rounds, rows);
  const roundsById = new Map(rounds.map((round) => [round.id, round]));
  const { rounds: counts } = await roundFigures(
    db,
    figures,
    live.id,
    rounds.map((round) => round.id),
  );
  return {
    rows: rows.map((row) => toDetail(row, roundsById, records)),
    total: Number(total.n),
    rounds: rounds.map((round): CheckinRoundSummary => ({
      roundNo: round.round_no,
      title: round.title,
      startedAt: round.started_at === null ? null : Number(round.started_at),
      matched: counts.get(round.id)?.matched ?? 0,
      records: counts.get(round.id)?.records ?? 0,
      reportedCount: round.reported_count,
    })),
  };
}

/** The viewers `v`, the cache joined for a member inviter `pi` and an external one `pe` (R4.6's SQL). */
const INVITER: InviterSqlAliases = { v: 'v', members: 'pi', externals: 'pe' };

/**
 * A live's viewers with the name cache joined three times, each on live_people's primary key
 * (corp_id, person_kind, person_id) with ids spelt exactly as WeCom gave them: the viewer themself, a
 * member inviter, an external inviter. One OR inside a join (or a lower() on the key) would make SQLite
 * scan live_people once per viewer. The keyword matches name, viewer id and the inviter name as shown.
 */
export function detailQuery(
  db: Knex,
  corpId: string,
  liveId: number,
  keyword: string,
  filters: ViewerFilters = {},
): Knex.QueryBuilder {
  const person = (alias: string, kind: Knex.Raw | string, id: string) => (join: Knex.JoinClause) =>
    join
      .on(`${alias}.corp_id`, db.raw('?', [corpId]))
      .andOn(`${alias}.person_kind`, typeof kind === 'string' ? db.ref(kind) : kind)
      .andOn(`${alias}.person_id`, id);
  const builder = db('live_viewers as v')
    // WeCom's stats carry no names for members: the cache (user/get, check-ins…) may know them.
    .leftJoin('live_people as vp', person('vp', 'v.viewer_kind', 'v.viewer_id'))
    .leftJoin('live_people as pi', person('pi', db.raw('?', ['internal']), 'v.invitor_userid'))
    .leftJoin('live_people as pe', person('pe', db.raw('?', ['external']), 'v.invitor_external_userid'))
    .where('v.live_id', liveId);
  if (keyword !== '') {
    const pattern = likePattern(keyword.toLowerCase());
    builder.where((inner) =>
      inner
        .orWhereRaw(`lower(coalesce(nullif(v.name, ''), vp.name, '')) like ? escape '\\'`, [pattern])
        .orWhereRaw(`lower(v.viewer_id) like ? escape '\\'`, [pattern])
        .orWhereRaw(`lower(${inviterNameSql(INVITER)}) like ? escape '\\'`, [pattern]),
    );
  }
  return applyViewerFilters(builder, filters);
}

/** Viewer kinds as WeCom's stats spell them: members, and external_type 1 (WeChat) / 2 (WeCom). */
const TYPE_CONDITIONS = {
  member: `v.viewer_kind = 'internal'`,
  wechat: `(v.viewer_kind = 'external' and v.external_type = 1)`,
  corp: `(v.viewer_kind = 'external' and v.external_type = 2)`,
} as const;

/**
 * The detail's filters on `live_viewers as v`. "Checked in" is an EXISTS on the check-in records'
 * viewer index (round, state, viewer), per viewer of the page walk; the watch-time bounds narrow the
 * (live_id, watch_time) index the page walks anyway.
 */
export function applyViewerFilters(builder: Knex.QueryBuilder, filters: ViewerFilters): Knex.QueryBuilder {
  if (filters.checkedIn !== undefined) {
    const exists = `exists (select 1 from live_checkin_records r
      where r.round_id in (select cr.id from live_checkin_rounds cr where cr.live_id = v.live_id)
        and r.match_state = 'matched' and r.viewer_id = v.viewer_id and r.viewer_kind = v.viewer_kind)`;
    builder.whereRaw(filters.checkedIn ? exists : `not ${exists}`);
  }
  const types = [...new Set(filters.types ?? [])];
  if (types.length > 0) builder.whereRaw(`(${types.map((type) => TYPE_CONDITIONS[type]).join(' or ')})`);
  if (filters.minWatch !== undefined) builder.where('v.watch_time', '>=', filters.minWatch);
  if (filters.maxWatch !== undefined) builder.where('v.watch_time', '<=', filters.maxWatch);
  if (filters.hasInviter !== undefined) {
    const invited = invitedByOtherSql('v');
    builder.whereRaw(filters.hasInviter ? invited : `not ${invited}`);
  }
  return builder;
}

/** `detailQuery`'s rows, longest watchers first, with the cached names `toDetail` reads. */
export function detailRowsQuery(
  db: Knex,
  corpId: string,
  liveId: number,
  keyword: string,
  filters: ViewerFilters = {},
): Knex.QueryBuilder {
  return detailQuery(db, corpId, liveId, keyword, filters)
    .select(
      'v.*',
      db.raw(`${cachedInviterSql(INVITER, 'name')} as cached_inviter_name`),
      db.raw(`${cachedInviterSql(INVITER, 'source')} as cached_inviter_source`),
      'vp.name as cached_name',
    )
    .orderBy([
      { column: 'v.watch_time', order: 'desc' },
      { column: 'v.id', order: 'asc' },
    ]);
}

/** Matched check-in records by viewer id (the kind is checked where they are read: `toDetail`). */
async function matchedRecords(
  db: Knex,
  rounds: readonly RoundRow[],
  rows: readonly DetailRow[],
): Promise<Map<string, RecordRow[]>> {
  const byViewerId = new Map<string, RecordRow[]>();
  if (rounds.length === 0 || rows.length === 0) return byViewerId;
  const add = (found: readonly RecordRow[]): void => {
    for (const record of found) {
      const list = byViewerId.get(record.viewer_id);
      if (list === undefined) byViewerId.set(record.viewer_id, [record]);
      else list.push(record);
    }
  };
  const matched = () =>
    db('live_checkin_records')
      .whereIn(
        'round_id',
        rounds.map((round) => round.id),
      )
      .where('match_state', 'matched')
      .select('round_id', 'viewer_kind', 'viewer_id', 'checked_at');
  if (rows.length > WHOLE_LIVE_ROWS) {
    // A whole big live (the export): one read of the rounds' records beats hundreds of id chunks; a
    // record of a viewer not among the rows is never looked up.
    add((await matched()) as RecordRow[]);
    return byViewerId;
  }
  const ids = [...new Set(rows.map((row) => row.viewer_id))];
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    add((await matched().whereIn('viewer_id', ids.slice(start, start + ID_CHUNK))) as RecordRow[]);
  }
  return byViewerId;
}

function toDetail(
  row: DetailRow,
  roundsById: ReadonlyMap<number, RoundRow>,
  records: ReadonlyMap<string, RecordRow[]>,
): ViewerDetail {
  const viewer = toViewerRecord(row);
  if (viewer.name === '' && (row.cached_name ?? '') !== '') viewer.name = row.cached_name ?? '';
  const inviter = inviterAsRead(
    { name: viewer.inviterName, rule: viewer.inviterRule },
    { name: row.cached_inviter_name, source: row.cached_inviter_source },
  );
  viewer.inviterName = inviter.name;
  viewer.inviterRule = inviter.rule;
  const checkins = (records.get(row.viewer_id) ?? [])
    .filter((record) => record.viewer_kind === row.viewer_kind)
    .map((record): ViewerCheckin | null => {
      const round = roundsById.get(record.round_id);
      if (round === undefined) return null;
      const at = record.checked_at ?? round.started_at;
      return { roundNo: round.round_no, title: round.title, at: at === null ? null : Number(at) };
    })
    .filter((checkin) => checkin !== null)
    .sort((a, b) => a.roundNo - b.roundNo);
  return { ...viewer, checkins };
}

import type { Knex } from 'knex';
import {
  cachedInviterSql,
  inviterAsRead,
  inviterNameSql,
  invitedByOtherSql,
} from '../../../sdk/contracts/inviter-naming.js';
import type {
  CheckinRoundSummary,
  ViewerCheckin,
  ViewerDetail,
  ViewerDetailsPage,
  ViewerFilters,
} from '../../../sdk/contracts/lives.js';
import type { ViewerDetailsQuery, ViewerDetailStream } from '../../../sdk/main/live-store.js';
import { likePattern } from './live-list-query.js';
import { toViewerRecord, type ViewerRow } from './live-rows.js';
import { DETAIL_INVITER, sortedViewerIds, VIEWER_NAME_SQL } from './viewer-sort.js';
import {
  checkedInSql,
  liveIdOf,
  type CheckinReads,
  type MatchedRecord,
  type RoundWithFigures,
} from './checkins/checkin-reads.js';

const MAX_PAGE_SIZE = 500;

interface DetailRow extends ViewerRow {
  cached_inviter_name: string | null;
  cached_inviter_source: string | null;
  cached_name: string | null;
}

/**
 * Read-only: a live's viewers joined with their matched check-ins (R5.2) and, for inviters the merge
 * left unnamed, the name cache as it stands now (a later user/get names them: R4.6 rule 5). Keyword
 * search covers name, viewer id and inviter name; order is watch time, longest first.
 */
export async function viewerDetails(
  db: Knex,
  checkins: CheckinReads,
  corpId: string,
  livingid: string,
  query: ViewerDetailsQuery,
): Promise<ViewerDetailsPage> {
  const live = { id: await liveIdOf(db, corpId, livingid) };
  const keyword = query.keyword?.trim() ?? '';
  const filters = query.filters ?? {};
  // Without a keyword the joins (each on a unique key) add no row: the count reads the viewer index only.
  const counted =
    keyword === ''
      ? applyViewerFilters(db('live_viewers as v').where('v.live_id', live.id), filters)
      : detailQuery(db, corpId, live.id, keyword, filters);
  const total = (await counted.count({ n: '*' }).first()) as { n: number | string };
  const rows = await pageRows(db, corpId, live.id, keyword, filters, query);
  const { rounds } = await checkins.rounds(live.id);
  const records = await checkins.matchedByViewer(
    rounds.map((round) => round.id),
    rows.map((row) => row.viewer_id),
  );
  const roundsById = new Map(rounds.map((round) => [round.id, round]));
  return {
    rows: rows.map((row) => toDetail(row, roundsById, records)),
    total: Number(total.n),
    rounds: rounds.map(roundSummary),
  };
}

function roundSummary(round: RoundWithFigures): CheckinRoundSummary {
  return {
    roundNo: round.roundNo,
    title: round.title,
    startedAt: round.startedAt,
    matched: round.matched,
    records: round.records,
    reportedCount: round.reportedCount,
  };
}

/** Rows per page of `viewerDetailPages`: one page's read holds the main thread a few tens of ms. */
export const DETAIL_PAGE_ROWS = 2000;

/**
 * Every viewer of a live in `viewerDetails`' default order (longest watchers first), read a page at a
 * time as the consumer asks (an export streams them to its worker): keyset paging on the watch-order
 * index, so each page costs the same however deep. The figures above an export's table come with it,
 * counted in SQL.
 */
export async function viewerDetailPages(
  db: Knex,
  checkins: CheckinReads,
  corpId: string,
  livingid: string,
  pageSize = DETAIL_PAGE_ROWS,
): Promise<ViewerDetailStream> {
  const liveId = await liveIdOf(db, corpId, livingid);
  const totals = (await db('live_viewers')
    .where('live_id', liveId)
    .first(
      db.raw('count(*) as viewers'),
      db.raw('sum(is_comment <> 0) as comments'),
      db.raw('sum(is_mic <> 0) as mics'),
    )) as { viewers: number; comments: number | null; mics: number | null };
  const { rounds, checkedIn } = await checkins.rounds(liveId);
  const roundsById = new Map(rounds.map((round) => [round.id, round]));
  const roundIds = rounds.map((round) => round.id);
  // A live of several pages has its matched records read at once (one read, fewer rows than viewers).
  const wholeLive =
    Number(totals.viewers) > pageSize ? await checkins.matchedByViewer(roundIds, 'all') : null;
  const limit = Math.max(1, Math.floor(pageSize));
  async function* pages(): AsyncGenerator<ViewerDetail[], void, undefined> {
    let after: { watchTime: number; id: number } | null = null;
    for (;;) {
      const query = detailRowsQuery(db, corpId, liveId, '').limit(limit);
      if (after !== null) {
        const { watchTime, id } = after;
        // The range narrows the index walk; the OR only drops the page's ties already read.
        query
          .where('v.watch_time', '<=', watchTime)
          .where((inner) => inner.where('v.watch_time', '<', watchTime).orWhere('v.id', '>', id));
      }
      const rows = (await query) as DetailRow[];
      if (rows.length === 0) return;
      const records =
        wholeLive ??
        (await checkins.matchedByViewer(
          roundIds,
          rows.map((row) => row.viewer_id),
        ));
      yield rows.map((row) => toDetail(row, roundsById, records));
      const last = rows[rows.length - 1];
      if (rows.length < limit || last === undefined) return;
      after = { watchTime: last.watch_time, id: last.id };
    }
  }
  return {
    figures: {
      viewers: Number(totals.viewers),
      comments: Number(totals.comments ?? 0),
      mics: Number(totals.mics ?? 0),
      checkedIn,
    },
    rounds: rounds.map(roundSummary),
    pages: pages(),
  };
}

/**
 * The page's rows: in the index order (longest watchers first) by LIMIT/OFFSET, or in another order over
 * every page by `sortedViewerIds`, then read by id.
 */
async function pageRows(
  db: Knex,
  corpId: string,
  liveId: number,
  keyword: string,
  filters: ViewerFilters,
  query: ViewerDetailsQuery,
): Promise<DetailRow[]> {
  const rowsQuery = detailRowsQuery(db, corpId, liveId, keyword, filters);
  const sort = query.sort;
  const indexOrder = sort === undefined || (sort.column === 'watchTime' && sort.direction === 'desc');
  if (query.pageSize === undefined) {
    if (indexOrder) return (await rowsQuery) as DetailRow[];
    return inOrder(
      await rowsQuery,
      await sortedViewerIds(detailQuery(db, corpId, liveId, keyword, filters), db, sort, {
        offset: 0,
        limit: Infinity,
      }),
    );
  }
  const limit = Math.min(Math.max(1, Math.floor(query.pageSize)), MAX_PAGE_SIZE);
  const offset = (Math.max(1, Math.floor(query.page ?? 1)) - 1) * limit;
  if (indexOrder) return (await rowsQuery.limit(limit).offset(offset)) as DetailRow[];
  const ids = await sortedViewerIds(detailQuery(db, corpId, liveId, keyword, filters), db, sort, {
    offset,
    limit,
  });
  return inOrder(await rowsQuery.whereIn('v.id', ids), ids);
}

/** `rows` in the order of `ids`. */
function inOrder(rows: readonly DetailRow[], ids: readonly number[]): DetailRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row) => row !== undefined);
}

/** The viewers `v`, the cache joined for a member inviter `pi` and an external one `pe` (R4.6's SQL). */
const INVITER = DETAIL_INVITER;

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
        .orWhereRaw(`${VIEWER_NAME_SQL} like ? escape '\\'`, [pattern])
        .orWhereRaw(`v.viewer_id like ? escape '\\'`, [pattern])
        .orWhereRaw(`${inviterNameSql(INVITER)} like ? escape '\\'`, [pattern]),
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
    const exists = checkedInSql('v');
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

function toDetail(
  row: DetailRow,
  roundsById: ReadonlyMap<number, RoundWithFigures>,
  records: ReadonlyMap<string, MatchedRecord[]>,
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
      const at = record.checked_at ?? round.startedAt;
      return { roundNo: round.roundNo, title: round.title, at: at === null ? null : Number(at) };
    })
    .filter((checkin) => checkin !== null)
    .sort((a, b) => a.roundNo - b.roundNo);
  return { ...viewer, checkins };
}

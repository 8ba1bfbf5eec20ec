import type { Knex } from 'knex';
import type { LiveListQuery, LiveSortField } from '../../../sdk/contracts/lives.js';

/** The start a list shows and filters on: the actual one once the live started, else the reserved one. */
export const EFFECTIVE_START = 'coalesce(lives.actual_start, lives.reserve_start)';

const SORT_COLUMNS: Record<LiveSortField, string> = {
  start: EFFECTIVE_START,
  theme: 'lives.theme',
  status: 'lives.status',
  viewerNum: 'lives.viewer_num',
  createdAt: 'lives.created_at',
  lastSyncedAt: 'lives.last_synced_at',
};

/** Escapes LIKE wildcards so a keyword is matched literally (portable: an explicit ESCAPE character). */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Applies a LiveListQuery's filters (not paging or sorting) to a query over `lives`. */
export function applyLiveFilters(builder: Knex.QueryBuilder, corpId: string, query: LiveListQuery): void {
  builder.where('lives.corp_id', corpId);
  const keyword = query.keyword?.trim() ?? '';
  if (keyword !== '') {
    const pattern = likePattern(keyword.toLowerCase());
    builder.where((inner) => {
      for (const column of ['lives.theme', 'lives.livingid', 'lives.anchor_userid', 'lives.anchor_name']) {
        inner.orWhereRaw(`lower(coalesce(${column}, '')) like ? escape '\\'`, [pattern]);
      }
    });
  }
  if (query.anchorUserid !== undefined && query.anchorUserid !== '') {
    builder.whereRaw('lower(lives.anchor_userid) = ?', [query.anchorUserid.toLowerCase()]);
  }
  if (query.creatorUserid !== undefined) builder.where('lives.creator_userid', query.creatorUserid);
  if (query.createdByUs !== undefined) builder.where('lives.created_by_us', query.createdByUs);
  if (query.status !== undefined && query.status.length > 0) builder.whereIn('lives.status', query.status);
  if (query.from !== undefined) builder.whereRaw(`${EFFECTIVE_START} >= ?`, [query.from]);
  if (query.to !== undefined) builder.whereRaw(`${EFFECTIVE_START} <= ?`, [query.to]);
}

/** ORDER BY of a query: the requested field, then a stable tie-break; NULLs last either way. */
export function applyLiveSort(builder: Knex.QueryBuilder, query: LiveListQuery): void {
  const field = query.sort?.field ?? 'start';
  const direction = query.sort?.direction ?? 'desc';
  const column = SORT_COLUMNS[field];
  builder.orderByRaw(`case when ${column} is null then 1 else 0 end, ${column} ${direction}`);
  builder.orderBy('lives.id', direction);
}

import type { Knex } from 'knex';
import type { LiveListQuery, LiveSortField } from '../../../sdk/contracts/lives.js';

/** The start a list shows and filters on: the actual one once the live started, else the reserved one. */
export const EFFECTIVE_START = 'coalesce(lives.actual_start, lives.reserve_start)';

/**
 * Sort keys and whether they may be NULL. Each has the indexes of migration 007: `(corp_id, key, id)`,
 * and for a nullable key `(corp_id, key is null, key, id)` too. The expressions must stay exactly those
 * of the indexes, or SQLite sorts a copy of every matching row again.
 */
const SORT_KEYS: Record<LiveSortField, { column: string; nullable: boolean }> = {
  start: { column: EFFECTIVE_START, nullable: true },
  // The theme's pinyin-order key (theme-sort-key.ts), not the theme: SQLite orders text by code point.
  theme: { column: 'lives.theme_sort', nullable: false },
  status: { column: 'lives.status', nullable: true },
  viewerNum: { column: 'lives.viewer_num', nullable: true },
  createdAt: { column: 'lives.created_at', nullable: false },
  lastSyncedAt: { column: 'lives.last_synced_at', nullable: true },
};

/** Escapes LIKE wildcards so a keyword is matched literally (portable: an explicit ESCAPE character). */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Applies a LiveListQuery's filters (not paging or sorting) to a query over `lives`. The text filters
 * (keyword, anchor) cannot use an index to find rows (LIKE `%…%`), so they test the narrow search index
 * of migration 007 in a subquery instead of every live's whole row (raw_info included); the page still
 * walks its sort index. LIKE is ASCII case-insensitive in SQLite, as lower() is ASCII-only: a keyword
 * matches as before without a function call per column and row.
 */
export function applyLiveFilters(builder: Knex.QueryBuilder, corpId: string, query: LiveListQuery): void {
  builder.where('lives.corp_id', corpId);
  const keyword = query.keyword?.trim() ?? '';
  const anchor = query.anchorUserid ?? '';
  if (keyword !== '' || anchor !== '') {
    builder.whereIn('lives.id', (search) => {
      search.from('lives as s').select('s.id').where('s.corp_id', corpId);
      if (anchor !== '') search.whereRaw('lower(s.anchor_userid) = ?', [anchor.toLowerCase()]);
      if (keyword !== '') {
        const pattern = likePattern(keyword);
        search.where((inner) => {
          for (const column of ['s.theme', 's.livingid', 's.anchor_userid', 's.anchor_name']) {
            inner.orWhereRaw(`${column} like ? escape '\\'`, [pattern]);
          }
        });
      }
    });
  }
  if (query.creatorUserid !== undefined) builder.where('lives.creator_userid', query.creatorUserid);
  if (query.createdByUs !== undefined) builder.where('lives.created_by_us', query.createdByUs);
  if (query.status !== undefined && query.status.length > 0) builder.whereIn('lives.status', query.status);
  if (query.from !== undefined) builder.whereRaw(`${EFFECTIVE_START} >= ?`, [query.from]);
  if (query.to !== undefined) builder.whereRaw(`${EFFECTIVE_START} <= ?`, [query.to]);
}

/**
 * ORDER BY of a query: the requested field, then the id as a stable tie-break; NULLs last either way.
 * Written so the sort indexes serve it: descending walks `(corp_id, key, id)` backwards (SQLite sorts
 * NULL lowest, so they come last); ascending puts `key is null` first, as its index does.
 */
export function applyLiveSort(builder: Knex.QueryBuilder, query: LiveListQuery): void {
  const field = query.sort?.field ?? 'start';
  const direction = query.sort?.direction ?? 'desc';
  const { column, nullable } = SORT_KEYS[field];
  if (direction === 'asc' && nullable) builder.orderByRaw(`${column} is null`);
  builder.orderByRaw(`${column} ${direction}`);
  builder.orderBy('lives.id', direction);
}

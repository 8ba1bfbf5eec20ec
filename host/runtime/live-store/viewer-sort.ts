import type { Knex } from 'knex';
import {
  inviterLabelSql,
  SELF_INVITE_TEXT,
  type InviterSqlAliases,
} from '../../../sdk/contracts/inviter-naming.js';
import type { ViewerSort } from '../../../sdk/contracts/lives.js';
import { matchedCheckinCountSql } from './checkins/checkin-reads.js';

/** The aliases of `detailQuery`: viewers `v`, the name cache as member / external inviter. */
export const DETAIL_INVITER: InviterSqlAliases = { v: 'v', members: 'pi', externals: 'pe' };
/** The viewer's name as shown: WeCom's, else the cache's (`vp`) for a member the stats leave unnamed. */
export const VIEWER_NAME_SQL = `coalesce(nullif(v.name, ''), vp.name, '')`;

/**
 * Each sort column's key in SQL over `detailQuery`'s joins, spelt as the page shows the value: the name
 * with the cache's name for a member WeCom's stats leave unnamed, the inviter as `inviterText` reads.
 */
const SORT_KEYS: Record<ViewerSort['column'], string> = {
  name: VIEWER_NAME_SQL,
  kind: `case when v.viewer_kind = 'internal' then 0 when v.external_type = 1 then 1 else 2 end`,
  watchTime: 'v.watch_time',
  checkins: matchedCheckinCountSql('v'),
  inviter: `case
      when coalesce(v.invitor_userid, v.invitor_external_userid) is null then ''
      when v.inviter_rule = 'self' then '${SELF_INVITE_TEXT}'
      else ${inviterLabelSql(DETAIL_INVITER)} end`,
  isComment: 'v.is_comment',
  isMic: 'v.is_mic',
  memberValue: `case when v.viewer_kind = 'internal' then v.viewer_id end`,
};

interface KeyRow {
  id: number;
  watch_time: number | null;
  sort_key: string | number | null;
}

// CLDR's Chinese order (numbers by value, Han by pinyin, then Latin letters): what readers expect. SQLite
// compares texts by code point (张 before 李), and better-sqlite3 registers no collations, so texts are
// ordered here.
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The ids of one page of the viewers `filtered` selects, in `sort`'s order over every page. Only the
 * viewer id, the key and the tie-break are read for each viewer (light even for a 100,000-viewer live);
 * the caller then reads the page's rows by id.
 */
export async function sortedViewerIds(
  filtered: Knex.QueryBuilder,
  db: Knex,
  sort: ViewerSort,
  page: { offset: number; limit: number },
): Promise<number[]> {
  const rows = (await sortKeysQuery(filtered, db, sort.column)) as KeyRow[];
  const keyOf = valueReader(sort);
  const keyed = rows.map((row) => ({ id: row.id, watch: row.watch_time ?? 0, key: keyOf(row.sort_key) }));
  const sign = sort.direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    const order = compareKeys(a.key, b.key);
    // Empty values last in either direction; ties in the default order (longest watchers first, then id).
    if (order !== 0) return a.key === null || b.key === null ? order : sign * order;
    return b.watch - a.watch || a.id - b.id;
  });
  return keyed.slice(page.offset, page.offset + page.limit).map((row) => row.id);
}

/** Each viewer of `filtered` (a `detailQuery`) with its id, its watch time (the tie-break) and its key. */
export function sortKeysQuery(
  filtered: Knex.QueryBuilder,
  db: Knex,
  column: ViewerSort['column'],
): Knex.QueryBuilder {
  return filtered.select('v.id', 'v.watch_time', db.raw(`${SORT_KEYS[column]} as sort_key`));
}

/** The key as compared: a member's value from the caller's map, else the column's value; '' counts as empty. */
function valueReader(sort: ViewerSort): (raw: string | number | null) => string | number | null {
  if (sort.column !== 'memberValue') return (raw) => (raw === '' ? null : raw);
  const values = new Map(
    [...(sort.memberValues ?? new Map<string, number>())].map(([id, v]) => [id.toLowerCase(), v]),
  );
  return (raw) => (raw === null ? null : (values.get(String(raw).toLowerCase()) ?? null));
}

/** Ascending order of two keys; an empty key (null) after any value. */
function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return COLLATOR.compare(String(a), String(b));
}

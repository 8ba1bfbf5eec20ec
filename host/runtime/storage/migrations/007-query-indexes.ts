import type { Knex } from 'knex';

/**
 * Indexes for the hot read paths at real scale (docs/architecture.md, "Queries at scale"): 10,000 lives,
 * a million viewers, workbooks of 10 × 5,000 check-ins.
 *
 * - The live list's sorts: one index per sort key, `(corp_id, key, id)`, so a page is a walk along an
 *   index (OFFSET skips index entries, not sorted copies of whole rows). Descending order walks it
 *   backwards (SQLite sorts NULL lowest, so NULLs come last as the list wants). Ascending order with
 *   NULLs last needs the key's `is null` first: nullable keys get a second index led by it. The start
 *   is an expression index on the very expression the list sorts and filters by. The keyword and anchor
 *   filters test a narrow covering index of the searched columns.
 * - A live's viewers in the detail page's order (watch time, longest first, then id): a page of 20 reads
 *   20 entries instead of sorting all of a live's viewers on every call.
 * - Check-in records by round, match state and viewer: the detail page's per-viewer check-ins and the
 *   viewer profile's per-round counts read this index only.
 */
const START = 'coalesce(actual_start, reserve_start)';
const LIVES_INDEXES: ReadonlyArray<[name: string, columns: string]> = [
  ['lives_sort_start_index', `corp_id, ${START}, id`],
  ['lives_sort_start_nulls_last_index', `corp_id, ${START} is null, ${START}, id`],
  ['lives_sort_theme_index', 'corp_id, theme, id'],
  ['lives_sort_status_index', 'corp_id, status, id'],
  ['lives_sort_status_nulls_last_index', 'corp_id, status is null, status, id'],
  ['lives_sort_viewer_num_index', 'corp_id, viewer_num, id'],
  ['lives_sort_viewer_num_nulls_last_index', 'corp_id, viewer_num is null, viewer_num, id'],
  ['lives_sort_created_at_index', 'corp_id, created_at, id'],
  ['lives_sort_last_synced_at_index', 'corp_id, last_synced_at, id'],
  ['lives_sort_last_synced_at_nulls_last_index', 'corp_id, last_synced_at is null, last_synced_at, id'],
  // The list's text search reads this narrow index, not every live's whole row (raw_info included).
  ['lives_search_index', 'corp_id, theme, livingid, anchor_userid, anchor_name'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, columns] of LIVES_INDEXES) {
    await knex.raw(`create index ${name} on lives (${columns})`);
  }
  await knex.raw(
    'create index live_viewers_watch_order_index on live_viewers (live_id, watch_time desc, id)',
  );
  await knex.raw(
    `create index live_checkin_records_viewer_index
       on live_checkin_records (round_id, match_state, viewer_id, viewer_kind)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists live_checkin_records_viewer_index');
  await knex.raw('drop index if exists live_viewers_watch_order_index');
  for (const [name] of [...LIVES_INDEXES].reverse()) await knex.raw(`drop index if exists ${name}`);
}

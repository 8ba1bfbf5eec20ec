// The write side of a watch-stat merge, kept small: the name cache and a live's viewers are read once
// (one indexed query each) and only what differs is written, in statements as big as SQLite allows. A
// member sync merges tens of thousands of viewers and most of them are already stored as they are
// (docs/architecture.md, live store).
import type { Knex } from 'knex';
import type { ViewerKind } from '../../../sdk/contracts/lives.js';
import { personKey } from '../../../sdk/contracts/inviter-naming.js';

/** SQLite's bound on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32). */
const MAX_PARAMETERS = 32_766;
/** Rows per statement at most, whatever the width: a 500-viewer live is one statement. */
const MAX_ROWS = 1_000;

/** Rows of `width` columns per multi-row statement, within SQLite's parameter bound. */
export function rowsPerStatement(width: number, reserved = 0): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor((MAX_PARAMETERS - reserved) / width)));
}

export interface Person {
  kind: ViewerKind;
  id: string;
  name: string;
  source: string;
}

/** The name cache's rows for `people` (exact spellings, on the primary key), by `personKey`. */
export async function readPeople(
  db: Knex | Knex.Transaction,
  corpId: string,
  people: Iterable<{ kind: ViewerKind; id: string }>,
): Promise<Map<string, { name: string; source: string }>> {
  const found = new Map<string, { name: string; source: string }>();
  const idsOf = { internal: new Set<string>(), external: new Set<string>() };
  for (const person of people) idsOf[person.kind].add(person.id);
  const chunk = rowsPerStatement(1, 2);
  for (const kind of ['internal', 'external'] as const) {
    const ids = [...idsOf[kind]];
    for (let start = 0; start < ids.length; start += chunk) {
      const rows = (await db('live_people')
        .where({ corp_id: corpId, person_kind: kind })
        .whereIn('person_id', ids.slice(start, start + chunk))
        .select('person_id', 'name', 'source')) as Array<{ person_id: string; name: string; source: string }>;
      for (const row of rows)
        found.set(personKey(kind, row.person_id), { name: row.name, source: row.source });
    }
  }
  return found;
}

const PEOPLE_COLUMNS = ['corp_id', 'person_kind', 'person_id', 'name', 'source', 'updated_at'] as const;

/** Upserts `people` into the name cache (the last of a repeated person wins), name and source merged. */
export async function upsertPeople(
  db: Knex | Knex.Transaction,
  corpId: string,
  people: readonly Person[],
  now: number,
): Promise<void> {
  const unique = [...new Map(people.map((person) => [personKey(person.kind, person.id), person])).values()];
  const chunk = rowsPerStatement(PEOPLE_COLUMNS.length);
  for (let start = 0; start < unique.length; start += chunk) {
    const rows = unique.slice(start, start + chunk);
    // As WeCom spelt the id: an answer for `WangDeSheng` is never served for `wangdesheng` (docs/architecture.md).
    const bindings = rows.flatMap((person) => [
      corpId,
      person.kind,
      person.id,
      person.name,
      person.source,
      now,
    ]);
    await db.raw(upsertSql('live_people', PEOPLE_COLUMNS, rows.length, PEOPLE_KEY, PEOPLE_MERGED), bindings);
  }
}

const PEOPLE_KEY = ['corp_id', 'person_kind', 'person_id'] as const;
const PEOPLE_MERGED = ['name', 'source', 'updated_at'] as const;

/**
 * `upsertPeople` for a watch-stat merge inside its transaction, without reading the cache first: a
 * person whose cached name and source are already these is left as it is (`updated_at` too), exactly as
 * if only the people that differ were written. Spares a read of every named viewer per live.
 */
export async function upsertChangedPeople(
  trx: Knex.Transaction,
  corpId: string,
  people: readonly Person[],
  now: number,
): Promise<void> {
  const unique = [...new Map(people.map((person) => [personKey(person.kind, person.id), person])).values()];
  const chunk = rowsPerStatement(PEOPLE_COLUMNS.length);
  for (let start = 0; start < unique.length; start += chunk) {
    const rows = unique.slice(start, start + chunk);
    const bindings: SqlValue[] = [];
    for (const person of rows) bindings.push(corpId, person.kind, person.id, person.name, person.source, now);
    const sql =
      upsertSql('live_people', PEOPLE_COLUMNS, rows.length, PEOPLE_KEY, PEOPLE_MERGED) +
      ' where "name" is not excluded."name" or "source" is not excluded."source"';
    await runInTransaction(trx, sql, bindings);
  }
}

/** A viewer row as the merge writes it (`first_seen_at` only on insert). */
export interface ViewerWrite {
  viewer_kind: ViewerKind;
  viewer_id: string;
  external_type: number | null;
  name: string;
  watch_time: number;
  is_comment: boolean;
  is_mic: boolean;
  invitor_userid: string | null;
  invitor_external_userid: string | null;
  inviter_name: string | null;
  inviter_rule: string | null;
  raw: string;
}

/** The columns a later pull may change: everything WeCom answers and what the merge derives from it. */
const VIEWER_DATA = [
  'external_type',
  'name',
  'watch_time',
  'is_comment',
  'is_mic',
  'invitor_userid',
  'invitor_external_userid',
  'inviter_name',
  'inviter_rule',
  'raw',
] as const satisfies ReadonlyArray<keyof ViewerWrite>;
const VIEWER_KEY = ['live_id', 'viewer_kind', 'viewer_id'] as const;
const VIEWER_COLUMNS = [...VIEWER_KEY, ...VIEWER_DATA, 'first_seen_at', 'last_synced_at'] as const;
const VIEWER_MERGED = [...VIEWER_DATA, 'last_synced_at'] as const;

/**
 * Writes a live's viewers of one pull: new or changed rows in multi-row upserts (the changed ones merge
 * only the data columns and the sync time; `first_seen_at` stays), unchanged rows get only the sync time.
 * The result is the same as upserting every row; far fewer bytes are written on a second pull.
 */
export async function writeViewers(
  trx: Knex.Transaction,
  liveId: number,
  viewers: readonly ViewerWrite[],
  now: number,
): Promise<void> {
  const stored = (await trx('live_viewers')
    .where('live_id', liveId)
    .select('id', 'viewer_kind', 'viewer_id', ...VIEWER_DATA)) as Array<
    { id: number } & Record<(typeof VIEWER_DATA)[number] | 'viewer_kind' | 'viewer_id', unknown>
  >;
  const byKey = new Map(
    stored.map((row) => [personKey(row.viewer_kind as ViewerKind, String(row.viewer_id)), row]),
  );
  const upserts: ViewerWrite[] = [];
  const unchanged: number[] = [];
  for (const viewer of viewers) {
    const row = byKey.get(personKey(viewer.viewer_kind, viewer.viewer_id));
    if (row !== undefined && VIEWER_DATA.every((column) => sameValue(row[column], viewer[column]))) {
      unchanged.push(row.id);
    } else {
      upserts.push(viewer);
    }
  }
  const chunk = rowsPerStatement(VIEWER_COLUMNS.length);
  for (let start = 0; start < upserts.length; start += chunk) {
    const rows = upserts.slice(start, start + chunk);
    const bindings: SqlValue[] = [];
    for (const viewer of rows) {
      bindings.push(liveId, viewer.viewer_kind, viewer.viewer_id);
      for (const column of VIEWER_DATA) bindings.push(sqlValue(viewer[column]));
      bindings.push(now, now);
    }
    await runInTransaction(
      trx,
      upsertSql('live_viewers', VIEWER_COLUMNS, rows.length, VIEWER_KEY, VIEWER_MERGED),
      bindings,
    );
  }
  const touch = rowsPerStatement(1, 1);
  for (let start = 0; start < unchanged.length; start += touch) {
    await trx('live_viewers')
      .whereIn('id', unchanged.slice(start, start + touch))
      .update({ last_synced_at: now });
  }
}

/**
 * `insert … values (…), … on conflict (key) do update set c = excluded.c`, built by hand: Knex's builder
 * spent more time compiling these wide statements than SQLite spent running them. The text depends only
 * on the row count, so the connection's statement cache (statement-cache.ts) prepares it once.
 */
function upsertSql(
  table: string,
  columns: readonly string[],
  rows: number,
  key: readonly string[],
  merged: readonly string[],
): string {
  const cacheKey = `${table}|${rows}|${columns.join(',')}|${merged.join(',')}`;
  const cached = upsertTexts.get(cacheKey);
  if (cached !== undefined) return cached;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const text =
    `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ` +
    Array.from({ length: rows }, () => tuple).join(', ') +
    ` on conflict (${key.map(quote).join(', ')}) do update set ` +
    merged.map((column) => `${quote(column)} = excluded.${quote(column)}`).join(', ');
  if (upsertTexts.size >= 200) upsertTexts.clear();
  upsertTexts.set(cacheKey, text);
  return text;
}

const upsertTexts = new Map<string, string>();

type SqlValue = string | number | bigint | Buffer | null;

/** A value as better-sqlite3 binds it (what Knex's driver would have made of it: booleans as 0/1). */
function sqlValue(value: string | number | boolean | null): SqlValue {
  return typeof value === 'boolean' ? Number(value) : value;
}

interface RunningConnection {
  prepare(source: string): { run(bindings: readonly SqlValue[]): unknown };
}

/**
 * Runs a write on the transaction's own connection, past Knex's query building: Knex rewrites every `?`
 * of a raw statement one by one, and for a 1,000-row upsert (13,000 bindings) that cost more than SQLite
 * took to run it. The connection's statement cache (statement-cache.ts) keeps the prepared statement.
 */
async function runInTransaction(
  trx: Knex.Transaction,
  sql: string,
  bindings: readonly SqlValue[],
): Promise<void> {
  const connection = (await trx.client.acquireConnection()) as RunningConnection;
  connection.prepare(sql).run(bindings);
}

/** Our own constant identifiers only; quoted as SQLite does. */
const quote = (identifier: string): string => `"${identifier}"`;

/** Database values against new ones: numbers may come back as strings (bigint), booleans as 0/1. */
export function sameValue(stored: unknown, next: unknown): boolean {
  if (stored === null || stored === undefined) return next === null || next === undefined;
  if (next === null || next === undefined) return false;
  if (typeof next === 'number' || typeof next === 'boolean') return Number(stored) === Number(next);
  return stored === next;
}

// Reuses prepared statements on a better-sqlite3 connection. Knex prepares every query anew; the sync's
// multi-row upserts repeat the same SQL text thousands of times, and preparing them cost about a third
// of the database time of a member sync (docs/architecture.md, sync path).
import type { Statement } from 'better-sqlite3';

export interface PreparingConnection {
  prepare(source: string): Statement;
}

/**
 * Makes `connection.prepare` answer a cached statement for SQL text it saw recently (least recently
 * used dropped beyond `capacity`). Safe because Knex runs each statement to completion (`all`/`run`)
 * before the next one and never iterates one lazily; SQLite re-prepares a statement by itself after a
 * schema change.
 */
export function cacheStatements(connection: PreparingConnection, capacity = 200): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Statement>();
  connection.prepare = (source: string): Statement => {
    const cached = cache.get(source);
    if (cached !== undefined) {
      // Map order is insertion order: move it to the most recent end.
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}

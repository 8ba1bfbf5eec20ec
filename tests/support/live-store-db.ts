// A migrated host database in a real SQLite file with one saved corp: what the live store's specs start
// from (the corp row only needs to exist for the foreign keys; its Secret is never read).
import { join } from 'node:path';
import type { Knex } from 'knex';
import { openDatabase } from '../../host/runtime/storage/database.js';
import { runMigrations, type NamedMigration } from '../../host/runtime/storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../../host/runtime/storage/migrations/index.js';
import { LiveStoreService } from '../../host/runtime/live-store/live-store.js';
import type { LiveStore } from '../../sdk/main/live-store.js';
import type { WatchStatPage } from '../../sdk/wecom/models.js';
import { tempDataDir } from './runtime-harness.js';

/** `migrations`: the host's, or the first of them (a database as an older version left it). */
export async function openCorpDatabase(
  dir: string,
  corpId = 'corp-a',
  migrations: NamedMigration[] = HOST_MIGRATIONS,
): Promise<Knex> {
  const db = openDatabase({ filename: join(dir, 'data.sqlite') });
  await runMigrations(db, 'host', migrations);
  await db('corps').insert({
    corp_id: corpId,
    corpname: corpId,
    corpid: `ww${corpId}`,
    agentid: 1000002,
    secret_cipher: 'x',
    created_at: 0,
    updated_at: 0,
  });
  return db;
}

/** The host's live store over `db` (a store built by hand, as the live store's own specs build it). */
export function liveStoreOver(db: Knex): LiveStore {
  return new LiveStoreService(db, { now: () => Date.now() });
}

/** The clock of `storeWithPromotionLive`'s store: 2025-03-12 17:20 UTC. */
export const STORE_NOW = 1_741_800_000_000;

/**
 * What most of the live store's specs start from: a migrated SQLite file in a new data folder, a store
 * whose clock stands at STORE_NOW, and corp-a's promotion live `lv1` (anchor zhangsan, ended) with the
 * watch-stat pages given.
 */
export async function storeWithPromotionLive(
  label: string,
  pages: readonly WatchStatPage[],
): Promise<{ dir: string; db: Knex; store: LiveStoreService }> {
  const dir = tempDataDir(label);
  const db = await openCorpDatabase(dir);
  const store = new LiveStoreService(db, { now: () => STORE_NOW });
  await store.mergeLivingInfo('corp-a', 'lv1', {
    theme: '推广',
    anchor_userid: 'zhangsan',
    status: 2,
    type: 4,
  });
  await store.mergeWatchStats('corp-a', 'lv1', pages);
  return { dir, db, store };
}

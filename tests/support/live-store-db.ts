// A migrated host database in a real SQLite file with one saved corp: what the live store's specs start
// from (the corp row only needs to exist for the foreign keys; its Secret is never read).
import { join } from 'node:path';
import type { Knex } from 'knex';
import { openDatabase } from '../../host/runtime/storage/database.js';
import { runMigrations } from '../../host/runtime/storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../../host/runtime/storage/migrations/index.js';
import { LiveStoreService } from '../../host/runtime/live-store/live-store.js';
import type { LiveStore } from '../../sdk/main/live-store.js';

export async function openCorpDatabase(dir: string, corpId = 'corp-a'): Promise<Knex> {
  const db = openDatabase({ filename: join(dir, 'data.sqlite') });
  await runMigrations(db, 'host', HOST_MIGRATIONS);
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

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knex, { type Knex } from 'knex';
import type { Logger } from 'pino';
import { AppError } from '../../../sdk/contracts/errors.js';
import { networkFileSystemOf } from '../config/network-path.js';
import { yieldBetweenQueries } from './cooperative-queries.js';
import { cacheStatements, type PreparingConnection } from './statement-cache.js';
import { makeDatabaseFilesPrivate, PRIVATE_DIR_MODE } from './private-files.js';

/** A better-sqlite3 connection as Knex hands it to `afterCreate` (only the part we use). */
interface SqliteConnection extends PreparingConnection {
  pragma(source: string): unknown;
}

export interface DatabaseOptions {
  filename: string;
  busyTimeoutMs?: number;
  /** Knex's own warnings and errors go here instead of the console. */
  log?: Logger;
  /** A read-only connection beside the main one (storage/read-connection.ts): no journal-mode change. */
  readonly?: boolean;
}

/**
 * Opens the embedded database: WAL, foreign keys and a busy timeout on every connection. A file on a
 * network share is refused, because SQLite's WAL mode corrupts data there (teams use a server database).
 */
export function openDatabase(options: DatabaseOptions): Knex {
  const folder = dirname(options.filename);
  // Check before creating anything: a UNC path must not become a local folder.
  let remote = networkFileSystemOf(folder);
  if (remote === null) {
    mkdirSync(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
    remote = networkFileSystemOf(folder);
  }
  if (remote !== null) {
    throw new AppError(
      'INVALID_INPUT',
      `数据库文件不能放在网络路径上（${remote}）：${options.filename}。SQLite 在网络共享上会损坏数据，请改用本机磁盘上的路径。`,
      { field: 'database.filename' },
    );
  }
  const busyTimeout = options.busyTimeoutMs ?? 5000;
  const db = knex({
    client: 'better-sqlite3',
    connection: { filename: options.filename, options: { readonly: options.readonly === true } },
    useNullAsDefault: true,
    log: {
      warn: (message: unknown) => options.log?.warn({ knex: message }, 'knex warning'),
      error: (message: unknown) => options.log?.error({ knex: message }, 'knex error'),
      deprecate: (message: unknown) => options.log?.warn({ knex: message }, 'knex deprecation'),
      debug: (message: unknown) => options.log?.debug({ knex: message }, 'knex debug'),
    },
    pool: {
      afterCreate(
        connection: SqliteConnection,
        done: (error: Error | null, connection: SqliteConnection) => void,
      ) {
        try {
          connection.pragma(`busy_timeout = ${busyTimeout}`);
          // A read-only connection beside the main one only reads: the main connection set up the file.
          if (options.readonly !== true) configureWriter(connection, options.filename);
          cacheStatements(connection);
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  });
  yieldBetweenQueries(db);
  return db;
}

/** The main connection's settings: WAL, foreign keys, checkpoints and journals as the store needs. */
function configureWriter(connection: SqliteConnection, filename: string): void {
  // Before WAL mode creates -wal and -shm: SQLite gives them the database file's mode.
  makeDatabaseFilesPrivate(filename);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
  // Checkpoints (the only fsyncs under synchronous = NORMAL) every ~40 MB of WAL rather than 4 MB:
  // a member sync writes tens of thousands of rows and rewrites the same b-tree pages, which a
  // larger window copies back once (docs/architecture.md, live store).
  connection.pragma('wal_autocheckpoint = 10000');
  // Statement journals in memory: a multi-row upsert inside a transaction journals the pages it
  // changes, and SQLite spills that journal to a temporary file beyond 64 KiB (for a member sync,
  // ~270 MB of page writes). Temporary sorts are in memory too; the hot queries sort by index
  // (query-plans.spec.ts) and reports run on their own connection.
  connection.pragma('temp_store = MEMORY');
}

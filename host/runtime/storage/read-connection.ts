// A second, read-only connection to the host database, for the reads every request makes (its session,
// the first-run flag). In WAL mode a reader never waits for the writer, so while a long write holds the
// main connection (a 10 × 5,000 check-in import, about 0.2 s) requests still resolve their sessions and
// host.status answers; everything else waits for the commit on the main connection as before. A
// read-only connection takes no write lock, so it can never wait on one (docs/architecture.md).
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import type { HostSettings } from '../core/runtime-options.js';
import { HOST_SETTINGS } from '../core/tokens.js';
import { openDatabase } from './database.js';

@injectable()
export class ReadConnection {
  private db: Knex | null = null;

  constructor(@inject(HOST_SETTINGS) private readonly settings: HostSettings) {}

  /** Opened on first use: after the migrations, which the read-only connection cannot run. */
  get knex(): Knex {
    this.db ??= openDatabase({ filename: this.settings.databaseFile, readonly: true });
    return this.db;
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    await db?.destroy();
  }
}

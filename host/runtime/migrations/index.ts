import type { NamedMigration } from '../migration-runner.js';
import * as hostCore from './001-host-core.js';

/** The host's migrations in order. Append only: released migrations never change. */
export const HOST_MIGRATIONS: NamedMigration[] = [{ name: '001-host-core', migration: hostCore }];

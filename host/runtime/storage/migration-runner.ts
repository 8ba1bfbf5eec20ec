import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

/** One forward migration. `down` exists for development only; production migrates forward. */
export interface Migration {
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

export interface NamedMigration {
  name: string;
  migration: Migration;
}

/** Feeds Knex a fixed list instead of its file scanner, which cannot load our ESM output reliably. */
class ListMigrationSource implements Knex.MigrationSource<NamedMigration> {
  constructor(private readonly migrations: NamedMigration[]) {}
  getMigrations(): Promise<NamedMigration[]> {
    return Promise.resolve(this.migrations);
  }
  getMigrationName(entry: NamedMigration): string {
    return entry.name;
  }
  getMigration(entry: NamedMigration): Promise<Knex.Migration> {
    const { up, down } = entry.migration;
    return Promise.resolve({ up, down: down ?? (() => Promise.resolve()) });
  }
}

/** The bookkeeping table of an owner: the host's, or `knex_migrations__<pluginId>`. */
export function migrationTableOf(owner: 'host' | { pluginId: string }): string {
  return owner === 'host' ? 'knex_migrations' : `knex_migrations__${owner.pluginId}`;
}

/** Runs the owner's pending migrations; each migration runs in its own transaction. */
export async function runMigrations(
  db: Knex,
  owner: 'host' | { pluginId: string },
  migrations: NamedMigration[],
): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({
    tableName: migrationTableOf(owner),
    migrationSource: new ListMigrationSource(migrations),
  })) as [number, string[]];
  return applied;
}

/** Loads `*.js` migrations of a folder in name order (missing folder: none). */
export async function loadMigrationFolder(folder: string): Promise<NamedMigration[]> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.js') && !name.endsWith('.spec.js'));
  } catch {
    return [];
  }
  names.sort();
  const loaded: NamedMigration[] = [];
  for (const name of names) {
    const module = (await import(pathToFileURL(join(folder, name)).href)) as Partial<Migration>;
    if (typeof module.up !== 'function') throw new Error(`迁移文件 ${name} 没有导出 up 函数`);
    loaded.push({ name: name.replace(/\.js$/, ''), migration: module as Migration });
  }
  return loaded;
}

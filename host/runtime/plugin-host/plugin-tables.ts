import { AppError } from '../../../sdk/contracts/errors.js';

/**
 * Every table the host's migrations create (plus knex's and SQLite's own). A spec checks this list
 * against a freshly migrated database, so a new host table cannot be forgotten here.
 */
export const HOST_TABLES = [
  'knex_migrations',
  'knex_migrations_lock',
  'users',
  'sessions',
  'plugin_states',
  'jobs',
  'files',
  'config',
  'audit_log',
  'corps',
  'trusted_ips',
  'lives',
  'live_viewers',
  'live_people',
  'live_online_peaks',
  'live_online_snapshots',
  'live_checkin_rounds',
  'live_checkin_records',
  'live_checkin_resolutions',
  'report_states',
  'sqlite_sequence',
] as const;

/**
 * The host's views (migration 010): the report read views (docs/report-plugins.md). Not readable by
 * plugins (they are not in PLUGIN_READABLE_TABLES, and reading one opens host tables the guard refuses);
 * listed so that no plugin id's table prefix can cover them.
 */
export const HOST_VIEWS = [
  'report_v1_lives',
  'report_v1_viewers',
  'report_v1_checkin_rounds',
  'report_v1_checkin_records',
  'report_v1_inviters',
  'report_v1_members',
] as const;

/**
 * Host tables or views a plugin may read through `ctx.db` (never write). None today: lives, viewers and
 * names are read through `ctx.liveStore`. A view added here must expose nothing secret (no hashes,
 * tokens or Secrets) and be documented in docs/plugin-development.md.
 */
export const PLUGIN_READABLE_TABLES: readonly string[] = [];

/** The prefix of the tables a plugin owns: its id with `-` as `_`, then `_` (`live-create` → `live_create_`). */
export function pluginTablePrefix(pluginId: string): string {
  return `${pluginId.replaceAll('-', '_')}_`;
}

/** The rules `ctx.db` enforces for one plugin. */
export interface PluginTablePolicy {
  pluginId: string;
  /** The tables it may read and write: those named `<prefix>*`. */
  owns(table: string): boolean;
  /** Host tables it may only read. */
  mayRead(table: string): boolean;
}

export function pluginTablePolicy(pluginId: string): PluginTablePolicy {
  const prefix = pluginTablePrefix(pluginId);
  const readable = new Set(PLUGIN_READABLE_TABLES);
  return {
    pluginId,
    owns: (table) => table.startsWith(prefix) && !(HOST_TABLES as readonly string[]).includes(table),
    mayRead: (table) => readable.has(table),
  };
}

/**
 * Refuses a plugin whose table prefix would cover a host table (`live` → `live_viewers`) or knex's and
 * SQLite's own (`knex_`, `sqlite_`): its tables could not be told apart from the host's.
 */
export function assertPluginTablePrefixFree(pluginId: string): void {
  const prefix = pluginTablePrefix(pluginId);
  const taken = [...HOST_TABLES, ...HOST_VIEWS, 'knex_', 'sqlite_'].find((table) => table.startsWith(prefix));
  if (taken !== undefined) {
    throw new AppError(
      'CONFLICT',
      `插件 id 「${pluginId}」的数据表前缀 ${prefix} 与主程序的数据表 ${taken} 冲突，请换一个 id。`,
      { pluginId },
    );
  }
}

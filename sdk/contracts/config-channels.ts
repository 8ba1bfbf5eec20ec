// The `config.*` channels (host/runtime/config/config-channels.ts), declared once for both ends: where
// the database and the logs live, the update feed and the clean-up of old data (R8.1, R1.6, R1.8). All
// of them, reads included, are root-admin's. The answers' types: sdk/contracts/config.ts.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { CleanupPreview, CleanupResult, ConfigView, DatabaseChangeCheck } from './config.js';

/** A folder on disk (the database's new home, the logs). */
export const FolderSchema = z
  .string({ error: '请填写文件夹路径' })
  .trim()
  .min(1, '请填写文件夹路径')
  .max(1000, '路径太长');
/** An existing database file to use instead. */
export const DatabaseFileSchema = z
  .string({ error: '请填写数据库文件路径' })
  .trim()
  .min(1, '请填写数据库文件路径')
  .max(1000, '路径太长');
/** A day (yyyy-MM-dd): the clean-up deletes data from before 00:00 of it. */
export const CleanupDateSchema = z
  .string({ error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 年-月-日，例如 2025-01-01');

const FolderInput = z.object({ folder: FolderSchema });
const FileInput = z.object({ file: DatabaseFileSchema });
const CleanupInput = z.object({ before: CleanupDateSchema });
const root = 'root-admin' as const;

export const CONFIG_GET = defineChannel({
  name: 'config.get',
  input: z.object({}),
  output: returns<ConfigView>(),
  minTier: root,
});

/** Moves the database to a folder at the next start. */
export const CONFIG_MOVE_DATABASE = defineChannel({
  name: 'config.moveDatabase',
  input: FolderInput,
  output: returns<ConfigView>(),
  minTier: root,
});

/** Read-only: the storage page checks a path before it asks for confirmation. */
export const CONFIG_CHECK_DATABASE_CHANGE = defineChannel({
  name: 'config.checkDatabaseChange',
  input: z.discriminatedUnion('mode', [
    FolderInput.extend({ mode: z.literal('move') }),
    FileInput.extend({ mode: z.literal('use') }),
  ]),
  output: returns<DatabaseChangeCheck>(),
  minTier: root,
});

/** Uses another existing database file from the next start. */
export const CONFIG_USE_DATABASE = defineChannel({
  name: 'config.useDatabase',
  input: FileInput,
  output: returns<ConfigView>(),
  minTier: root,
});

export const CONFIG_CANCEL_DATABASE_CHANGE = defineChannel({
  name: 'config.cancelDatabaseChange',
  input: z.object({}),
  output: returns<ConfigView>(),
  minTier: root,
});

/** The logs' folder from the next start; null: the default `<dataDir>/logs`. */
export const CONFIG_SET_LOG_DIR = defineChannel({
  name: 'config.setLogDir',
  input: z.object({ folder: FolderSchema.nullable() }),
  output: returns<ConfigView>(),
  minTier: root,
});

/** The update feed saved in update.json; null or empty: none. */
export const CONFIG_SET_UPDATE_FEED = defineChannel({
  name: 'config.setUpdateFeed',
  input: z.object({
    url: z.string({ error: '请填写更新源地址' }).trim().max(2000, '网址太长').nullable(),
  }),
  output: returns<ConfigView>(),
  minTier: root,
});

/** How much the clean-up would delete. */
export const CONFIG_CLEANUP_PREVIEW = defineChannel({
  name: 'config.cleanupPreview',
  input: CleanupInput,
  output: returns<CleanupPreview>(),
  minTier: root,
});

/** Deletes the data from before the day (audited). */
export const CONFIG_CLEANUP = defineChannel({
  name: 'config.cleanup',
  input: CleanupInput,
  output: returns<CleanupResult>(),
  minTier: root,
});

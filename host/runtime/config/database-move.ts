// The start's side of the database location setting (R1.8): a move asked for in the settings is
// done here, before the database opens, so nothing writes while it is copied and nothing written after
// the request is lost; a file the settings chose must exist, never silently replaced by a new, empty one.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseMoveOutcome } from '../../../sdk/contracts/config.js';
import {
  BootstrapConfigError,
  CONFIG_FILE_NAME,
  configPathOf,
  resolveDatabasePath,
  saveBootstrapConfig,
  type BootstrapConfig,
} from './bootstrap-config.js';
import { databaseFileProblem } from './database-file-check.js';

export interface PreparedDatabase {
  /** config.json as it now is (a move switches `database.filename`). */
  config: BootstrapConfig;
  /** The database file to open. */
  file: string;
  move: DatabaseMoveOutcome | null;
}

function rowCounts(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return new Map(
    tables.map(({ name }) => {
      const row = db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as {
        n: number;
      };
      return [name, row.n];
    }),
  );
}

/**
 * Copies the database with `VACUUM INTO` (a consistent copy that includes what the -wal journal still
 * holds, written as one file without journal), checks the copy table by table, then renames it into
 * place. Throws with a Chinese reason; leaves no partial file behind.
 */
export function copyDatabase(from: string, to: string): void {
  if (!existsSync(from)) throw new Error(`原数据库文件 ${from} 不存在`);
  if (existsSync(to)) throw new Error(`目标位置已有文件 ${to}`);
  mkdirSync(dirname(to), { recursive: true });
  const temp = `${to}.${randomBytes(4).toString('hex')}.moving`;
  let source: Database.Database | null = null;
  let copy: Database.Database | null = null;
  try {
    source = new Database(from, { fileMustExist: true });
    source.prepare('VACUUM INTO ?').run(temp);
    copy = new Database(temp, { readonly: true, fileMustExist: true });
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`复制后的文件校验失败（${String(check)}）`);
    const expected = rowCounts(source);
    const actual = rowCounts(copy);
    for (const [table, count] of expected) {
      if (actual.get(table) !== count) throw new Error(`复制后的表 ${table} 行数不一致`);
    }
    copy.close();
    copy = null;
    renameSync(temp, to);
  } catch (error) {
    copy?.close();
    rmSync(temp, { force: true });
    throw error;
  } finally {
    source?.close();
  }
}

/**
 * Runs before the database opens: does a pending move, and refuses a missing or foreign file where the
 * settings chose one. A failed move keeps the old file in use and says so (the start goes on).
 */
export function prepareDatabase(dataDir: string, config: BootstrapConfig, now: number): PreparedDatabase {
  const configFile = join(resolve(dataDir), CONFIG_FILE_NAME);
  let current = config;
  let move: DatabaseMoveOutcome | null = null;
  const moveTo = config.database.moveTo;
  if (moveTo !== undefined) {
    const from = resolveDatabasePath(dataDir, config);
    const to = resolve(moveTo);
    const { moveTo: _done, ...database } = config.database;
    try {
      copyDatabase(from, to);
      current = {
        ...config,
        database: { ...database, filename: configPathOf(dataDir, to), mustExist: true },
      };
      move = {
        ok: true,
        from,
        to,
        at: now,
        message: `数据库已迁移到 ${to}。原文件 ${from} 仍保留，确认数据无误后可以删除（连同同名的 -wal、-shm 文件）。`,
      };
    } catch (error) {
      current = { ...config, database };
      move = {
        ok: false,
        from,
        to,
        at: now,
        message: `数据库未能迁移到 ${to}：${(error as Error).message}。程序继续使用原文件 ${from}。`,
      };
    }
    // The request is done either way: a failed move is not retried at every start.
    saveBootstrapConfig(dataDir, current);
  }
  const file = resolveDatabasePath(dataDir, current);
  if (current.database.mustExist) {
    const problem = databaseFileProblem(file);
    if (problem !== null) {
      const hint =
        problem === '文件不存在'
          ? '如果文件被移动或所在磁盘未连接，请恢复后重新启动；如要重新开始，请把 database.filename 改回默认值并删除 mustExist。'
          : '请在 config.json 中改回原来的数据库文件。';
      throw new BootstrapConfigError(
        configFile,
        'database.filename',
        `数据库文件 ${file} 无法使用：${problem}。${hint}`,
      );
    }
  }
  return { config: current, file, move };
}

// Is a file a WeCom Live database this version can open? Checked before the settings point the app at
// an existing file, and again at every start that expects the file to exist.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrationTableOf } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

function header(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Null when `file` is a WeCom Live database this version can use, else why not (Chinese). `thorough`
 * adds SQLite's quick_check, which reads the whole file.
 */
export function databaseFileProblem(file: string, options: { thorough?: boolean } = {}): string | null {
  try {
    if (!statSync(file).isFile()) return '不是文件';
  } catch {
    return '文件不存在';
  }
  try {
    if (header(file) !== SQLITE_HEADER) return '不是 SQLite 数据库文件';
  } catch (error) {
    return `无法读取（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`;
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const table = migrationTableOf('host');
    const found = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (found === undefined) return '不是企微直播助手的数据库（没有程序的数据表）';
    const applied = (
      db.prepare(`SELECT name FROM "${table}" ORDER BY id`).all() as Array<{ name: string }>
    ).map((row) => row.name);
    const known = new Set(HOST_MIGRATIONS.map((entry) => entry.name));
    if (!applied.includes(HOST_MIGRATIONS[0]?.name ?? ''))
      return '不是企微直播助手的数据库（没有程序的数据表）';
    const unknown = applied.find((name) => !known.has(name));
    if (unknown !== undefined)
      return `来自更新版本的企微直播助手（含有本版本不认识的结构 ${unknown}），请先升级程序`;
    if (options.thorough === true) {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') return `数据库文件已损坏（${String(result)}）`;
    }
    return null;
  } catch (error) {
    return `无法打开（${(error as Error).message}）`;
  } finally {
    db?.close();
  }
}

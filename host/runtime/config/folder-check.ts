// The checks a folder chosen in the settings must pass before the database or the logs may go there.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { AppError } from '../../../sdk/contracts/errors.js';
import { networkFileSystemOf } from './network-path.js';

export interface FolderCheckOptions {
  /** The input field blamed in the error (`details.field`). */
  field: string;
  /** Folders that vanish (the system temp dir): refused. */
  tempRoots: readonly string[];
}

/** The system temp folder, where files may be deleted at any time. */
export function defaultTempRoots(): string[] {
  return [tmpdir()];
}

function refuse(message: string, field: string): never {
  throw new AppError('INVALID_INPUT', message, { field });
}

/** The path itself when it exists, else its nearest existing parent. */
function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Validates a folder typed in the settings and creates it when missing: an absolute local path (not a
 * network share, where SQLite's WAL corrupts data; not inside the temp dir, which is emptied), a folder
 * and writable. Answers the absolute path; throws INVALID_INPUT with a Chinese message otherwise.
 */
export function checkTargetFolder(input: string, options: FolderCheckOptions): string {
  const { field } = options;
  const typed = input.trim();
  if (typed === '') refuse('请填写文件夹路径。', field);
  const unc = networkFileSystemOf(typed);
  if (unc !== null) refuse(`不能使用网络路径（${unc}）：请选择本机磁盘上的文件夹。`, field);
  if (!isAbsolute(typed)) {
    refuse('请填写完整路径，例如 D:\\企微直播\\数据 或 /home/用户名/企微直播。', field);
  }
  const folder = resolve(typed);
  const existing = realOrSame(nearestExisting(folder));
  const remote = networkFileSystemOf(existing);
  if (remote !== null) refuse(`${folder} 在网络磁盘上（${remote}）：请选择本机磁盘上的文件夹。`, field);
  for (const root of options.tempRoots) {
    if (isInside(existing, realOrSame(root)) || isInside(folder, resolve(root))) {
      refuse(`${folder} 在系统临时文件夹中，其中的文件可能随时被清除：请选择其他文件夹。`, field);
    }
  }
  if (existsSync(folder) && !statSync(folder).isDirectory())
    refuse(`${folder} 是一个文件，不是文件夹。`, field);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    refuse(`无法创建文件夹 ${folder}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）。`, field);
  }
  const probe = resolve(folder, `.wecom-live-write-test-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'ok');
  } catch (error) {
    refuse(`文件夹 ${folder} 不可写入（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）。`, field);
  } finally {
    rmSync(probe, { force: true });
  }
  return folder;
}

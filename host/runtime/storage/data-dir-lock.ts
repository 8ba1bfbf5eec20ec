// One running WeCom Live per data dir (docs/architecture.md "HostRuntime"): two processes on one SQLite file and one vault
// would overwrite each other's work, so the second one refuses to start.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'app.lock';

interface LockContent {
  pid: number;
  startedAt: string;
  hostname: string;
}

/** Another live process holds the data dir. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  readonly dataDir: string;

  constructor(dataDir: string, pid: number) {
    super(
      `数据目录已被另一个正在运行的 WeCom Live 使用 (pid ${pid})：${dataDir}。请先关闭它，或使用其他数据目录。` +
        ` / The data directory ${dataDir} is in use by another running WeCom Live (pid ${pid}). ` +
        'Close it first, or use another data directory.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
    this.dataDir = dataDir;
  }
}

// Lock files held by this process: a stale file naming our own pid (left by an earlier process that had
// the same pid) is not ours and may be taken over.
const heldPaths = new Set<string>();

function readLock(path: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    if (!Number.isInteger(parsed.pid) || (parsed.pid as number) <= 0) return null;
    return parsed as LockContent;
  } catch {
    return null;
  }
}

// A process that has just created the file may not have written it yet: look again a moment later
// before calling the file unreadable.
function readLockAfterWriterFinished(path: string): LockContent | null {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  return readLock(path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLock {
  readonly path: string;
  private readonly content: LockContent;
  private released = false;

  private constructor(path: string, content: LockContent) {
    this.path = path;
    this.content = content;
  }

  /** Takes the data dir (created when missing) or throws DataDirLockedError. */
  static acquire(dataDir: string): DataDirLock {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, LOCK_FILE_NAME);
    const content: LockContent = {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      hostname: hostname(),
    };

    // Two rounds: a stale file is removed once, then the exclusive create must succeed; losing that race
    // to another starting process is reported like any other live holder.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(path, 'wx', 0o600);
        try {
          writeSync(fd, JSON.stringify(content));
        } finally {
          closeSync(fd);
        }
        heldPaths.add(path);
        return new DataDirLock(path, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(path) ?? readLockAfterWriterFinished(path);
      const ours = holder?.pid === process.pid && heldPaths.has(path);
      if (holder && (ours || (holder.pid !== process.pid && isAlive(holder.pid)))) {
        throw new DataDirLockedError(dir, holder.pid);
      }
      // The holder has exited, or the file is unreadable (a crash while writing it): take it over.
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new DataDirLockedError(dir, readLock(path)?.pid ?? 0);
  }

  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    heldPaths.delete(this.path);
    const holder = readLock(this.path);
    if (holder?.pid !== this.content.pid || holder.startedAt !== this.content.startedAt) return;
    try {
      unlinkSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock, DataDirLockedError } from './data-dir-lock.js';

// The built module next to this built spec, imported by the child processes.
const lockModuleUrl = new URL('./data-dir-lock.js', import.meta.url).href;

/** Runs `DataDirLock.acquire(dataDir)` in a separate Node process and reports how it ended. */
function acquireInChild(dataDir: string) {
  const script =
    `import { DataDirLock } from ${JSON.stringify(lockModuleUrl)};` +
    'const lock = DataDirLock.acquire(process.env.LOCK_DIR); lock.release(); console.log("acquired");';
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, LOCK_DIR: dataDir },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('DataDirLock', () => {
  let root: string;
  let dataDir: string;
  const held: DataDirLock[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wecom-live-lock-'));
    dataDir = join(root, 'nested', 'data');
  });

  afterEach(() => {
    for (const lock of held.splice(0)) lock.release();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data dir and an app.lock naming this process, removed on release', () => {
    const lock = DataDirLock.acquire(dataDir);
    held.push(lock);
    expect(lock.path).toBe(join(dataDir, 'app.lock'));
    const content = JSON.parse(readFileSync(lock.path, 'utf8')) as Record<string, unknown>;
    expect(content.pid).toBe(process.pid);
    expect(typeof content.startedAt).toBe('string');
    expect(typeof content.hostname).toBe('string');

    lock.release();
    expect(existsSync(lock.path)).toBeFalse();
    lock.release();
    // Released, the dir can be taken again.
    held.push(DataDirLock.acquire(dataDir));
  });

  it('refuses a second acquire in the same process', () => {
    held.push(DataDirLock.acquire(dataDir));
    let thrown: unknown;
    try {
      held.push(DataDirLock.acquire(dataDir));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataDirLockedError);
    expect((thrown as DataDirLockedError).pid).toBe(process.pid);
    expect((thrown as Error).message).toContain('数据目录已被另一个正在运行的 WeCom Live 使用');
  });

  it('refuses a second process with the message and a non-zero exit', () => {
    held.push(DataDirLock.acquire(dataDir));
    const result = acquireInChild(dataDir);
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('acquired');
    expect(result.stderr).toContain(
      `数据目录已被另一个正在运行的 WeCom Live 使用 (pid ${process.pid})：${dataDir}`,
    );
    expect(result.stderr).toContain('is in use by another running WeCom Live');
    // The refused process leaves our lock alone.
    expect((JSON.parse(readFileSync(join(dataDir, 'app.lock'), 'utf8')) as { pid: number }).pid).toBe(
      process.pid,
    );
  });

  it('lets another process take the dir once released', () => {
    DataDirLock.acquire(dataDir).release();
    const result = acquireInChild(dataDir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('takes over a lock left by a process that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', '']);
    expect(exited.pid).toBeGreaterThan(0);
    const lockPath = join(root, 'app.lock');
    writeFileSync(
      lockPath,
      JSON.stringify({ pid: exited.pid, startedAt: '2020-01-01T00:00:00.000Z', hostname: 'x' }),
    );

    const lock = DataDirLock.acquire(root);
    held.push(lock);
    expect((JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number }).pid).toBe(process.pid);
  });

  it('takes over an unreadable lock file', () => {
    writeFileSync(join(root, 'app.lock'), '{"pid":');
    held.push(DataDirLock.acquire(root));
  });

  it('does not remove a lock that another process has taken over since', () => {
    const lock = DataDirLock.acquire(dataDir);
    const replaced = JSON.stringify({ pid: process.pid + 1, startedAt: 'later', hostname: 'x' });
    writeFileSync(lock.path, replaced);
    lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe(replaced);
  });
});

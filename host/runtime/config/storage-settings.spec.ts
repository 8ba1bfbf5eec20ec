// config.* storage against real runtimes and real SQLite files: the database moved or swapped and the log
// folder changed, each applied by the next start; the refusals; who may call.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConfigView } from '../../../sdk/contracts/config.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  corpSessionFor,
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

// The data dirs of specs are temp dirs themselves: nothing counts as "temp" unless a spec says so.
const NO_TEMP = { tempRoots: [] as string[] };

function errorOf(result: RpcResult): { code: string; message: string; field: unknown } {
  if (result.ok) throw new Error('expected an error');
  return { code: result.error.code, message: result.error.message, field: result.error.details?.['field'] };
}

async function noteCount(runtime: HostRuntime): Promise<number> {
  return dataOf<{ count: number }>(await runtime.router.dispatch('notes.count', {}, null)).count;
}

function configJson(dataDir: string): { database: Record<string, unknown>; logDir: string } {
  return JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')) as {
    database: Record<string, unknown>;
    logDir: string;
  };
}

describe('config.* storage', () => {
  const dirs: string[] = [];
  const runtimes: HostRuntime[] = [];
  const dir = (label: string): string => {
    const created = tempDataDir(label);
    dirs.push(created);
    return created;
  };
  const start = async (dataDir: string, options = {}): Promise<HostRuntime> => {
    const runtime = await startRuntime(dataDir, { ...NO_TEMP, ...options });
    runtimes.push(runtime);
    return runtime;
  };

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.stop();
    for (const created of dirs.splice(0)) removeDir(created);
  });

  it('moves the database at the next start: the running one stays, and nothing written meanwhile is lost', async () => {
    const dataDir = dir('move');
    const target = join(dir('move-target'), 'nested', 'db');
    let runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    await runtime.router.dispatch('notes.add', { text: '迁移前' }, root);
    const oldFile = join(dataDir, 'wecom-live.sqlite');

    const view = dataOf<ConfigView>(
      await runtime.router.dispatch('config.moveDatabase', { folder: target }, root),
    );
    expect(view.storage.database.file).toBe(oldFile);
    expect(view.storage.database.pending).toEqual({ kind: 'move', file: join(target, 'wecom-live.sqlite') });
    expect(view.storage.restartRequired).toBeTrue();
    // Until the restart the old file is the database, and writes still go there.
    expect(runtime.settings.databaseFile).toBe(oldFile);
    expect(existsSync(join(target, 'wecom-live.sqlite'))).toBeFalse();
    await runtime.router.dispatch('notes.add', { text: '请求迁移之后' }, root);
    expect(configJson(dataDir).database['moveTo']).toBe(join(target, 'wecom-live.sqlite'));
    await runtime.stop();

    runtime = await start(dataDir);
    const moved = join(target, 'wecom-live.sqlite');
    expect(runtime.settings.databaseFile).toBe(moved);
    expect(await noteCount(runtime)).toBe(2);
    expect(configJson(dataDir).database).toEqual(
      jasmine.objectContaining({ filename: moved, mustExist: true }),
    );
    expect(configJson(dataDir).database['moveTo']).toBeUndefined();
    // The copy is one self-contained file; the old one is kept for the administrator to delete.
    expect(existsSync(oldFile)).toBeTrue();
    expect(readdirSync(target).filter((name) => name.includes('.moving'))).toEqual([]);
    const root2 = await sessionFor(runtime, 'root-admin');
    const after = dataOf<ConfigView>(await runtime.router.dispatch('config.get', {}, root2));
    expect(after.storage.database.pending).toBeNull();
    expect(after.storage.restartRequired).toBeFalse();
    expect(after.storage.database.lastMove).toEqual(
      jasmine.objectContaining({ ok: true, from: oldFile, to: moved }),
    );
    const audit = (await runtime.db('audit_log').select('action', 'ok')) as Array<{
      action: string;
      ok: number;
    }>;
    expect(audit.map((row) => row.action)).toEqual(
      jasmine.arrayContaining(['config.moveDatabase', 'config.databaseMoved']),
    );
    await runtime.stop();

    // The chosen file gone (a drive not connected): a clear refusal, no new empty database.
    rmSync(moved);
    await expectAsync(start(dataDir)).toBeRejectedWithError(/数据库文件 .* 无法使用：文件不存在/);
    expect(existsSync(moved)).toBeFalse();
  });

  it('keeps the old database when the move fails at the start, and says why', async () => {
    const dataDir = dir('move-fail');
    const target = dir('move-fail-target');
    let runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    await runtime.router.dispatch('notes.add', { text: '留在原处' }, root);
    dataOf(await runtime.router.dispatch('config.moveDatabase', { folder: target }, root));
    await runtime.stop();
    // Someone puts a file of that name there before the restart.
    writeFileSync(join(target, 'wecom-live.sqlite'), 'not mine');

    runtime = await start(dataDir);
    expect(runtime.settings.databaseFile).toBe(join(dataDir, 'wecom-live.sqlite'));
    expect(await noteCount(runtime)).toBe(1);
    expect(readFileSync(join(target, 'wecom-live.sqlite'), 'utf8')).toBe('not mine');
    const view = dataOf<ConfigView>(
      await runtime.router.dispatch('config.get', {}, await sessionFor(runtime, 'root-admin')),
    );
    expect(view.storage.database.lastMove?.ok).toBeFalse();
    expect(view.storage.database.lastMove?.message).toContain('程序继续使用原文件');
    expect(view.storage.database.pending).toBeNull();
  });

  it('refuses folders where the database would not be safe', async () => {
    const dataDir = dir('refuse');
    const runtime = await start(dataDir, { tempRoots: [tmpdir()] });
    const root = await sessionFor(runtime, 'root-admin');
    const move = async (folder: string) =>
      errorOf(await runtime.router.dispatch('config.moveDatabase', { folder }, root));

    expect(await move(join(dataDir, 'elsewhere'))).toEqual(
      jasmine.objectContaining({
        code: 'INVALID_INPUT',
        field: 'folder',
        message: jasmine.stringMatching(/临时文件夹/),
      }),
    );
    expect((await move('relative/folder')).message).toContain('完整路径');
    expect((await move('//fileserver/share/wecom')).message).toContain('网络路径');
    expect((await move('\\\\fileserver\\share\\wecom')).message).toContain('网络路径');
    expect((await move('')).code).toBe('INVALID_INPUT');
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain('moveTo');
    const audit = (await runtime
      .db('audit_log')
      .where({ action: 'config.moveDatabase' })
      .select('ok')) as Array<{
      ok: number;
    }>;
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((row) => !row.ok)).toBeTrue();
  });

  it('checks a change without asking for it, so the page can refuse a path before its confirmation', async () => {
    const dataDir = dir('check');
    const target = dir('check-target');
    const runtime = await start(dataDir, { tempRoots: [tmpdir()] });
    const root = await sessionFor(runtime, 'root-admin');
    const check = async (input: Record<string, unknown>) =>
      runtime.router.dispatch('config.checkDatabaseChange', input, root);

    const temp = errorOf(await check({ mode: 'move', folder: join(dataDir, 'elsewhere') }));
    expect(temp).toEqual(
      jasmine.objectContaining({
        code: 'INVALID_INPUT',
        field: 'folder',
        message: jasmine.stringMatching(/临时文件夹/),
      }),
    );
    expect(errorOf(await check({ mode: 'move', folder: 'relative/folder' })).message).toContain('完整路径');
    expect(errorOf(await check({ mode: 'use', file: 'wecom-live.sqlite' })).field).toBe('file');
    expect(errorOf(await check({ mode: 'use', file: join(dataDir, 'wecom-live.sqlite') })).message).toContain(
      '正在使用',
    );
    // Outside the temp folder (the spec's folders are under it, so no temp roots here).
    const plainDir = dir('check-plain');
    const plain = await start(plainDir);
    const answer = dataOf<{ target: string }>(
      await plain.router.dispatch(
        'config.checkDatabaseChange',
        { mode: 'move', folder: target },
        await sessionFor(plain, 'root-admin'),
      ),
    );
    expect(answer.target).toBe(join(target, 'wecom-live.sqlite'));
    // Nothing was asked for, and a check is not an audited change.
    for (const folder of [dataDir, plainDir]) {
      expect(readFileSync(join(folder, 'config.json'), 'utf8')).not.toContain('moveTo');
    }
    expect(
      await plain.db('audit_log').where({ action: 'config.checkDatabaseChange' }).count({ n: '*' }),
    ).toEqual([{ n: 0 }]);
    expect(
      errorOf(
        await plain.router.dispatch(
          'config.checkDatabaseChange',
          { mode: 'move', folder: target },
          await sessionFor(plain, 'user'),
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a file for a folder, and a folder that already holds a database', async () => {
    const dataDir = dir('refuse2');
    const other = dir('refuse2-other');
    writeFileSync(join(other, 'plain.txt'), 'x');
    writeFileSync(join(other, 'wecom-live.sqlite'), 'x');
    const runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    const asFile = errorOf(
      await runtime.router.dispatch('config.moveDatabase', { folder: join(other, 'plain.txt') }, root),
    );
    expect(asFile.message).toContain('是一个文件');
    const occupied = errorOf(await runtime.router.dispatch('config.moveDatabase', { folder: other }, root));
    expect(occupied.code).toBe('CONFLICT');
    expect(occupied.message).toContain('使用已有的数据库文件');
    const same = errorOf(await runtime.router.dispatch('config.moveDatabase', { folder: dataDir }, root));
    expect(same.message).toContain('已经在这个文件夹');
  });

  it('points at an existing WeCom Live database from the next start, and refuses other files', async () => {
    // A database of another installation, with a note in it.
    const otherDir = dir('use-other');
    const other = await start(otherDir);
    await other.router.dispatch('notes.add', { text: '另一个库' }, await sessionFor(other, 'user'));
    await other.router.dispatch('notes.add', { text: '另一个库 2' }, await sessionFor(other, 'user'));
    await other.stop();
    const otherFile = join(otherDir, 'wecom-live.sqlite');

    const dataDir = dir('use');
    let runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    const use = (file: string) => runtime.router.dispatch('config.useDatabase', { file }, root);

    const text = join(otherDir, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(errorOf(await use(text))).toEqual(
      jasmine.objectContaining({
        code: 'INVALID_INPUT',
        field: 'file',
        message: jasmine.stringMatching(/不是 SQLite/),
      }),
    );
    const foreign = join(otherDir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    db.close();
    expect(errorOf(await use(foreign)).message).toContain('不是企微直播助手的数据库');
    expect(errorOf(await use(join(otherDir, 'missing.sqlite'))).message).toContain('文件不存在');
    expect(errorOf(await use('wecom-live.sqlite')).message).toContain('完整路径');
    expect(errorOf(await use(join(dataDir, 'wecom-live.sqlite'))).message).toContain('正在使用');

    const view = dataOf<ConfigView>(await use(otherFile));
    expect(view.storage.database.pending).toEqual({ kind: 'use', file: otherFile });
    expect(await noteCount(runtime)).toBe(0);
    await runtime.stop();

    runtime = await start(dataDir);
    expect(runtime.settings.databaseFile).toBe(otherFile);
    expect(await noteCount(runtime)).toBe(2);
    await runtime.stop();

    // Replaced behind the app's back by a file that is not one of ours: the start refuses it.
    rmSync(otherFile);
    writeFileSync(otherFile, 'garbage that is not a database');
    await expectAsync(start(dataDir)).toBeRejectedWithError(/不是 SQLite 数据库文件/);
  });

  it('cancels a pending database change', async () => {
    const dataDir = dir('cancel');
    const runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    dataOf(await runtime.router.dispatch('config.moveDatabase', { folder: dir('cancel-target') }, root));
    const view = dataOf<ConfigView>(await runtime.router.dispatch('config.cancelDatabaseChange', {}, root));
    expect(view.storage.database.pending).toBeNull();
    expect(view.storage.restartRequired).toBeFalse();
    expect(configJson(dataDir).database).toEqual(
      jasmine.objectContaining({ filename: 'wecom-live.sqlite', mustExist: false }),
    );
  });

  it('writes the log to a new folder from the next start, and back to the default', async () => {
    const dataDir = dir('logs');
    const logs = join(dir('logs-target'), 'wecom-logs');
    let runtime = await start(dataDir);
    const root = await sessionFor(runtime, 'root-admin');
    const view = dataOf<ConfigView>(
      await runtime.router.dispatch('config.setLogDir', { folder: logs }, root),
    );
    expect(view.storage.logs).toEqual(
      jasmine.objectContaining({ dir: join(dataDir, 'logs'), configured: logs, isDefault: false }),
    );
    expect(view.storage.restartRequired).toBeTrue();
    expect(configJson(dataDir).logDir).toBe(logs);
    await runtime.stop();

    runtime = await start(dataDir);
    expect(runtime.settings.logDir).toBe(logs);
    const admin = await sessionFor(runtime, 'wecom-admin');
    expect(dataOf<{ logDir: string }>(await runtime.router.dispatch('host.about', {}, admin)).logDir).toBe(
      logs,
    );
    runtime.log.info('a line in the new folder');
    await runtime.stop();
    expect(readdirSync(logs).some((name) => name.startsWith('wecom-live'))).toBeTrue();

    runtime = await start(dataDir);
    const root2 = await sessionFor(runtime, 'root-admin');
    const reset = dataOf<ConfigView>(
      await runtime.router.dispatch('config.setLogDir', { folder: null }, root2),
    );
    expect(reset.storage.logs.isDefault).toBeTrue();
    expect(configJson(dataDir).logDir).toBe('logs');
  });

  it('falls back to the default log folder when the configured one cannot be used', async () => {
    const dataDir = dir('logs-bad');
    const blocker = join(dataDir, 'a-file');
    writeFileSync(blocker, 'x');
    await (await start(dataDir)).stop();
    const config = configJson(dataDir);
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ ...config, logDir: join(blocker, 'logs') }));
    const runtime = await start(dataDir);
    expect(runtime.settings.logDir).toBe(join(dataDir, 'logs'));
    const view = dataOf<ConfigView>(
      await runtime.router.dispatch('config.get', {}, await sessionFor(runtime, 'root-admin')),
    );
    expect(view.storage.logs.problem).toContain('无法写入日志文件夹');
    expect(view.storage.restartRequired).toBeFalse();
  });

  it('answers only root-admin', async () => {
    const dataDir = dir('tiers');
    mkdirSync(join(dataDir, 'x'));
    const runtime = await start(dataDir);
    const callers = [
      await sessionFor(runtime, 'wecom-admin'),
      await sessionFor(runtime, 'user'),
      await corpSessionFor(runtime, 'wecom-admin'),
      await corpSessionFor(runtime, 'user'),
    ];
    const calls: Array<[string, unknown]> = [
      ['config.get', {}],
      ['config.moveDatabase', { folder: join(dataDir, 'x') }],
      ['config.useDatabase', { file: join(dataDir, 'wecom-live.sqlite') }],
      ['config.cancelDatabaseChange', {}],
      ['config.setLogDir', { folder: null }],
      ['config.setUpdateFeed', { url: 'https://u.example/feed' }],
      ['config.cleanupPreview', { before: '2020-01-01' }],
      ['config.cleanup', { before: '2020-01-01' }],
    ];
    for (const session of callers) {
      for (const [channel, input] of calls) {
        expect(errorOf(await runtime.router.dispatch(channel, input, session)).code)
          .withContext(channel)
          .toBe('FORBIDDEN');
      }
    }
    expect(errorOf(await runtime.router.dispatch('config.get', {}, null)).code).toBe('UNAUTHENTICATED');
    expect(existsSync(join(dataDir, 'update.json'))).toBeFalse();
    expect(configJson(dataDir).database['moveTo']).toBeUndefined();
  });
});

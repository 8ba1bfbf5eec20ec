import type { PluginStatus } from '../../../sdk/contracts/events.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';
import { HOST_TABLES } from './plugin-tables.js';

function errorOf(result: RpcResult): { code: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.error;
}

describe('plugin isolation (fixture plugin "unruly")', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let session: string;

  const status = (id: string): PluginStatus | undefined =>
    runtime.plugins.statuses().find((plugin) => plugin.id === id);

  beforeAll(async () => {
    dataDir = tempDataDir('isolation');
    runtime = await startRuntime(dataDir);
    session = await sessionFor(runtime, 'user', 'zhangsan');
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('keeps delivering an event when one listener throws, and marks the plugin degraded with the reason', async () => {
    expect(status('unruly')?.state).toBe('enabled');
    expect(status('unruly')?.degraded).toBeUndefined();
    const hostHeard: unknown[] = [];
    const changes: unknown[] = [];
    const subscriptions = [
      runtime.events.on('unruly.ping').subscribe((payload) => hostHeard.push(payload)),
      runtime.events.on('plugins.changed').subscribe((payload) => changes.push(payload)),
    ];
    try {
      dataOf(await runtime.router.dispatch('unruly.emit', { type: 'ping', payload: { n: 1 } }, session));
      // The plugin's own later listener and a host subscriber both heard it; the host answers on.
      expect(
        dataOf<{ heard: unknown[] }>(await runtime.router.dispatch('unruly.heard', {}, session)).heard,
      ).toEqual([{ n: 1 }]);
      expect(hostHeard).toEqual([{ n: 1 }]);
      expect(status('unruly')?.state).toBe('enabled');
      expect(status('unruly')?.degraded).toContain('监听器故意出错');
      expect(changes.length).toBe(1);
      const listed = dataOf<Array<{ id: string; degraded?: string }>>(
        await runtime.router.dispatch('plugins.list', {}, session),
      );
      expect(listed.find((plugin) => plugin.id === 'unruly')?.degraded).toContain('unruly.ping');

      dataOf(
        await runtime.router.dispatch('unruly.emit', { type: 'unruly.pingAsync', payload: null }, session),
      );
      await waitFor(async () =>
        status('unruly')?.degraded?.includes('异步监听器故意出错') ? true : undefined,
      );
      expect(
        dataOf<{ count: number }>(await runtime.router.dispatch('notes.count', {}, null)).count,
      ).toBeGreaterThanOrEqual(0);
    } finally {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
    }
  });

  it('clears degraded when root-admin disables and enables the plugin again', async () => {
    const root = await sessionFor(runtime, 'root-admin');
    dataOf(await runtime.router.dispatch('plugins.setEnabled', { id: 'unruly', enabled: false }, root));
    dataOf(await runtime.router.dispatch('plugins.setEnabled', { id: 'unruly', enabled: true }, root));
    expect(status('unruly')?.state).toBe('enabled');
    expect(status('unruly')?.degraded).toBeUndefined();
  });

  it('refuses host event names and other plugins’ names, and namespaces its own', async () => {
    const published: string[] = [];
    const subscription = runtime.events.all().subscribe((event) => published.push(event.type));
    try {
      for (const type of ['plugins.changed', 'job.done', 'wecom.ipNotAllowed', 'notes.saved']) {
        const error = errorOf(await runtime.router.dispatch('unruly.emit', { type, payload: {} }, session));
        expect(error.code).withContext(type).toBe('FORBIDDEN');
        expect(error.message).withContext(type).toContain('unruly.*');
      }
      dataOf(await runtime.router.dispatch('unruly.emit', { type: 'saved', payload: {} }, session));
      dataOf(await runtime.router.dispatch('unruly.emit', { type: 'unruly.saved', payload: {} }, session));
    } finally {
      subscription.unsubscribe();
    }
    expect(published).toEqual(['unruly.saved', 'unruly.saved']);
  });

  it('gives ctx.container no way to the host’s vault, database or container', async () => {
    const answer = dataOf<{ resolved: string[]; ownContext: boolean }>(
      await runtime.router.dispatch('unruly.reachHost', {}, session),
    );
    expect(answer.resolved).toEqual([]);
    expect(answer.ownContext).toBeTrue();
  });

  it('lets ctx.db read and write the plugin’s own tables, in transactions and savepoints too', async () => {
    const answer = dataOf<{ count: number }>(
      await runtime.router.dispatch('unruly.own', { text: '自己的' }, session),
    );
    expect(answer.count).toBeGreaterThanOrEqual(1);
    // The other fixtures' and a feature plugin's own tables work as before.
    dataOf(await runtime.router.dispatch('notes.add', { text: '笔记' }, session));
  });

  it('refuses every way of reaching users, sessions and corps through ctx.db, before anything runs', async () => {
    const before = await runtime.db('users').count({ n: '*' }).first();
    // The fixture names its ways (tables, joins, subqueries, raw SQL, transactions, PRAGMA, schema,
    // ATTACH, the report views); each is refused.
    const ways = dataOf<string[]>(await runtime.router.dispatch('unruly.trespasses', {}, session));
    expect(ways).toEqual(
      jasmine.arrayContaining(['select', 'raw', 'savepoint', 'pragma', 'attach', 'reportView']),
    );
    for (const how of ways) {
      const error = errorOf(await runtime.router.dispatch('unruly.trespass', { how }, session));
      expect(error.code).withContext(how).toBe('FORBIDDEN');
      expect(error.message).withContext(how).toContain('插件 unruly 不能通过 ctx.db');
    }
    expect(await runtime.db('users').count({ n: '*' }).first()).toEqual(before);
    const rows = (await runtime.db('users').where({ userid: 'zhangsan' }).select('tier')) as Array<{
      tier: string;
    }>;
    expect(rows).toEqual([{ tier: 'user' }]);
  });

  it('holds a clean-up contributor to the plugin’s tables on the host’s transaction', async () => {
    const root = await sessionFor(runtime, 'root-admin');
    const before = '2020-01-01';
    dataOf(await runtime.router.dispatch('unruly.snoopCleanup', { on: true }, session));
    const refused = errorOf(await runtime.router.dispatch('config.cleanupPreview', { before }, root));
    expect(refused.message).toContain('unruly');
    dataOf(await runtime.router.dispatch('unruly.snoopCleanup', { on: false }, session));
    // The host's own contributors run on the same transaction, unhindered.
    dataOf(await runtime.router.dispatch('config.cleanupPreview', { before }, root));
  });

  it('lists every host table, so a new one cannot be left open to plugins', async () => {
    const tables = (await runtime.db('sqlite_schema').where({ type: 'table' }).pluck('name')) as string[];
    const pluginPrefixes = ['notes_', 'archive_', 'unruly_', 'knex_migrations__', 'live_create_'];
    const host = tables.filter((name) => !pluginPrefixes.some((prefix) => name.startsWith(prefix)));
    expect([...host].sort()).toEqual([...HOST_TABLES].sort());
  });
});

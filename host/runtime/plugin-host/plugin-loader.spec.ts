import type { PluginStatus } from '../../../sdk/contracts/events.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { HostRuntime } from '../core/host-runtime.js';

function statusOf(runtime: HostRuntime, id: string): PluginStatus | undefined {
  return runtime.plugins.statuses().find((plugin) => plugin.id === id);
}

describe('PluginLoader with fixture plugins', () => {
  let dataDir: string;
  let runtime: HostRuntime;
  let root: string;

  beforeEach(async () => {
    dataDir = tempDataDir('loader');
    runtime = await startRuntime(dataDir);
    dataOf(await runtime.router.dispatch('auth.setupRoot', { password: 'Quay-Lantern-Fig-8!' }, null));
    root = dataOf<{ session: string }>(
      await runtime.router.dispatch('auth.login', { kind: 'root', password: 'Quay-Lantern-Fig-8!' }, null),
    ).session;
  });

  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('activates a good plugin: its migration ran and its channels answer', async () => {
    expect(statusOf(runtime, 'notes')?.state).toBe('enabled');
    expect(statusOf(runtime, 'notes')?.version).toBe('1.2.0');
    expect(await runtime.db.schema.hasTable('notes_items')).toBeTrue();
    expect(await runtime.db.schema.hasTable('knex_migrations__notes')).toBeTrue();
    const user = await sessionFor(runtime, 'user');
    dataOf(await runtime.router.dispatch('notes.add', { text: '你好' }, user));
    expect(dataOf<{ count: number }>(await runtime.router.dispatch('notes.count', {}, null)).count).toBe(1);
  });

  it('marks a bad manifest failed with a reason naming the field, and the host runs on', () => {
    const bad = runtime.plugins.statuses().find((plugin) => plugin.reason?.includes('plugin.json') === true);
    expect(bad?.state).toBe('failed');
    expect(bad?.reason).toContain('id');
  });

  it('refuses a plugin whose engine range the host does not satisfy', () => {
    const future = statusOf(runtime, 'future-plugin');
    expect(future?.state).toBe('failed');
    expect(future?.reason).toContain('^2.0.0');
  });

  it('marks a plugin with a failing migration failed and rolls the migration back', async () => {
    const broken = statusOf(runtime, 'broken-migration');
    expect(broken?.state).toBe('failed');
    expect(broken?.reason).toContain('迁移数据库失败');
    expect(await runtime.db.schema.hasTable('broken_first')).toBeFalse();
  });

  it('marks a plugin whose activate throws failed and disposes what it registered', async () => {
    const throws = statusOf(runtime, 'throws-on-activate');
    expect(throws?.state).toBe('failed');
    expect(throws?.reason).toContain('激活时出错');
    const answer = await runtime.router.dispatch('throws-on-activate.ping', {}, null);
    expect(answer.ok).toBeFalse();
    if (!answer.ok) expect(answer.error.code).toBe('PLUGIN_DISABLED');
  });

  it('disables at runtime (PLUGIN_DISABLED, jobs wait, data kept) and enables again without a restart', async () => {
    const user = await sessionFor(runtime, 'user');
    dataOf(await runtime.router.dispatch('notes.add', { text: 'kept' }, user));
    const changes: unknown[] = [];
    const subscription = runtime.events.on('plugins.changed').subscribe((payload) => changes.push(payload));

    dataOf(await runtime.router.dispatch('plugins.setEnabled', { id: 'notes', enabled: false }, root));
    expect(statusOf(runtime, 'notes')?.state).toBe('disabled');
    const refused = await runtime.router.dispatch('notes.count', {}, null);
    expect(refused.ok ? null : refused.error.code).toBe('PLUGIN_DISABLED');
    expect(await runtime.db.schema.hasTable('notes_items')).toBeTrue();

    dataOf(await runtime.router.dispatch('plugins.setEnabled', { id: 'notes', enabled: true }, root));
    expect(dataOf<{ count: number }>(await runtime.router.dispatch('notes.count', {}, null)).count).toBe(1);
    expect(changes.length).toBe(2);
    subscription.unsubscribe();
  });

  it('remembers a disabled plugin across a restart', async () => {
    dataOf(await runtime.router.dispatch('plugins.setEnabled', { id: 'notes', enabled: false }, root));
    await runtime.stop();
    runtime = await startRuntime(dataDir);
    expect(statusOf(runtime, 'notes')?.state).toBe('disabled');
  });

  it('lets only root-admin switch plugins, and never an unknown one', async () => {
    const admin = await sessionFor(runtime, 'wecom-admin');
    const denied = await runtime.router.dispatch(
      'plugins.setEnabled',
      { id: 'notes', enabled: false },
      admin,
    );
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    const unknown = await runtime.router.dispatch('plugins.setEnabled', { id: 'nope', enabled: true }, root);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });
});

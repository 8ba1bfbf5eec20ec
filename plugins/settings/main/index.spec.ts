// The settings plugin's own channels, through the same router every transport uses.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  corpSessionFor,
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';

type Runtime = Awaited<ReturnType<typeof startRuntime>>;

// dist/plugins: where the compiled plugin and its copied manifest live.
const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('settings plugin (main side)', () => {
  let runtime: Runtime;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir('settings');
    runtime = await startRuntime(dataDir, { pluginDirs: [BUILT_PLUGINS] });
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('loads as the enabled core plugin that cannot be disabled', async () => {
    const root = await sessionFor(runtime, 'root-admin');
    const plugins = dataOf<Array<{ id: string; core: boolean; state: string }>>(
      await runtime.router.dispatch('plugins.list', {}, root),
    );
    expect(plugins.find((plugin) => plugin.id === 'settings')).toEqual(
      jasmine.objectContaining({ core: true, state: 'enabled' }),
    );
    const refused = await runtime.router.dispatch(
      'plugins.setEnabled',
      { id: 'settings', enabled: false },
      root,
    );
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
  });

  it('keeps page preferences per account', async () => {
    const admin = await corpSessionFor(runtime, 'wecom-admin');
    const user = await corpSessionFor(runtime, 'user');
    expect(dataOf(await runtime.router.dispatch('settings.getPreferences', {}, admin))).toEqual({});
    expect(
      dataOf(await runtime.router.dispatch('settings.setPreferences', { auditPageSize: 50 }, admin)),
    ).toEqual({ auditPageSize: 50 });
    expect(dataOf(await runtime.router.dispatch('settings.getPreferences', {}, admin))).toEqual({
      auditPageSize: 50,
    });
    expect(dataOf(await runtime.router.dispatch('settings.getPreferences', {}, user))).toEqual({});
  });

  it('refuses odd values and anonymous callers', async () => {
    const user = await sessionFor(runtime, 'user');
    const odd = await runtime.router.dispatch('settings.setPreferences', { auditPageSize: 7 }, user);
    expect(odd.ok ? null : odd.error.code).toBe('INVALID_INPUT');
    const anonymous = await runtime.router.dispatch('settings.getPreferences', {}, null);
    expect(anonymous.ok ? null : anonymous.error.code).toBe('UNAUTHENTICATED');
  });
});

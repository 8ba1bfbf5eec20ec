import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type CanMatchFn, type Routes, type UrlTree } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { HostStatus, LoginResult } from '../../../sdk/contracts/host-status.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import { homeRoute, loginGuard, pluginGuard, setupGuard, shellGuard } from './guards.js';
import type { UiPluginEntry } from './plugin-entry.js';
import { PLUGIN_ENTRIES } from './plugin-menu.js';
import { HOST_STATUS } from '../../../sdk/contracts/host-channels.js';

@Component({ selector: 'wl-test-page', template: 'page' })
class TestPage {}

function entry(id: string, fields: Partial<UiPluginEntry> = {}): UiPluginEntry {
  const routes: Routes = [{ path: '', component: TestPage }];
  return {
    id,
    title: id,
    icon: 'list',
    order: 1,
    route: id,
    tiers: ['user', 'wecom-admin'],
    requiresCorp: false,
    core: false,
    loadRoutes: () => Promise.resolve(routes),
    ...fields,
  };
}

const LIVES = entry('lives', { order: 1, requiresCorp: true });
const SETTINGS = entry('settings', { order: 90, tiers: ['user', 'wecom-admin', 'root-admin'], core: true });

const ADMIN: LoginResult = {
  session: 's1',
  user: { userid: 'zhangsan', username: '张三', tier: 'wecom-admin' },
  corp: { corpId: 'c1', corpname: '示例企业', agentid: 1, appName: '直播助手' },
};
const ROOT: LoginResult = { session: 's2', user: { userid: 'root-admin', username: '', tier: 'root-admin' } };

function status(firstRun: boolean, disabled: string[] = []): HostStatus {
  return {
    version: '1.0.0',
    firstRun,
    plugins: [LIVES, SETTINGS].map((e) => ({
      id: e.id,
      title: e.title,
      version: '1.0.0',
      state: disabled.includes(e.id) ? 'disabled' : 'enabled',
    })),
    timeZone: 'Asia/Shanghai',
  };
}

describe('route guards', () => {
  let fake: FakeTransport;

  function start(host: HostStatus, login: LoginResult | null = null): AppSession {
    fake = new FakeTransport().answer(HOST_STATUS, host);
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideRouter([]),
        { provide: PLUGIN_ENTRIES, useValue: [LIVES, SETTINGS] },
      ],
    });
    TestBed.inject(RpcClient).use(fake);
    const session = TestBed.inject(AppSession);
    if (login !== null) session.signedIn(login);
    return session;
  }

  async function run(guard: CanMatchFn): Promise<string | boolean> {
    // These guards read neither the route nor the snapshot.
    const snapshot = {} as Parameters<CanMatchFn>[2];
    const result = await TestBed.runInInjectionContext(
      () => guard({}, [], snapshot) as Promise<boolean | UrlTree>,
    );
    return typeof result === 'boolean' ? result : TestBed.inject(Router).serializeUrl(result);
  }

  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('send a first run to the setup wizard, wherever it goes', async () => {
    start(status(true));
    expect(await run(shellGuard)).toBe('/setup');
    expect(await run(loginGuard)).toBe('/setup');
    expect(await run(setupGuard)).toBeTrue();
  });

  it('send a signed-out visitor to the login page', async () => {
    start(status(false));
    expect(await run(shellGuard)).toBe('/login');
    expect(await run(loginGuard)).toBeTrue();
    expect(await run(setupGuard)).toBe('/login');
  });

  it('let a signed-in account into the app, not back to login or setup', async () => {
    start(status(false), ADMIN);
    expect(await run(shellGuard)).toBeTrue();
    expect(await run(loginGuard)).toBe('/');
    expect(await run(setupGuard)).toBe('/');
  });

  it('read host.status only once', async () => {
    start(status(false), ADMIN);
    await run(shellGuard);
    await run(pluginGuard(LIVES));
    expect(fake.callsTo(HOST_STATUS).length).toBe(1);
  });

  it('match a plugin route only while enabled, for its tiers, with a corp when it needs one', async () => {
    start(status(false), ADMIN);
    expect(await run(pluginGuard(LIVES))).toBeTrue();
    expect(await run(pluginGuard(entry('root-only', { tiers: ['root-admin'] })))).toBeFalse();
    expect(await run(pluginGuard(entry('unknown')))).toBeFalse();
    fake.emit('plugins.changed', { plugins: status(false, ['lives']).plugins });
    expect(await run(pluginGuard(LIVES))).toBeFalse();
  });

  it('keep WeCom features from root-admin, who has no corp', async () => {
    start(status(false), ROOT);
    expect(await run(pluginGuard(LIVES))).toBeFalse();
    expect(await run(pluginGuard(SETTINGS))).toBeTrue();
    expect(TestBed.runInInjectionContext(homeRoute)).toBe('/settings');
  });

  it('lead home to the first allowed entry, or the status page when there is none', async () => {
    const session = start(status(false, ['lives', 'settings']), ADMIN);
    await session.refreshStatus();
    expect(TestBed.runInInjectionContext(homeRoute)).toBe('/status');
    fake.emit('plugins.changed', { plugins: status(false).plugins });
    expect(TestBed.runInInjectionContext(homeRoute)).toBe('/lives');
  });
});

describe('app routes', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('open the first allowed plugin at / and fall back there from a disabled one', async () => {
    const { appRoutes } = await import('./app.routes.js');
    const fake = new FakeTransport().answer(HOST_STATUS, status(false, ['lives']));
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        provideRouter(appRoutes([LIVES, SETTINGS])),
        { provide: PLUGIN_ENTRIES, useValue: [LIVES, SETTINGS] },
      ],
    });
    TestBed.inject(RpcClient).use(fake);
    TestBed.inject(AppSession).signedIn(ADMIN);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(TestBed.inject(Router).url).toBe('/settings');
    await harness.navigateByUrl('/lives');
    expect(TestBed.inject(Router).url).toBe('/settings');
  });
});

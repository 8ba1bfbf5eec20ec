import { BreakpointObserver } from '@angular/cdk/layout';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import type { PluginStatus } from '../../../../sdk/contracts/events.js';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import { provideAppIcons } from '../../../../sdk/ui/icons.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { THEME_STORAGE_KEY } from '../../../../sdk/ui/state/theme.state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import type { UiPluginEntry } from '../plugin-entry.js';
import { PLUGIN_ENTRIES } from '../plugin-menu.js';
import { ShellLayout } from './shell-layout.js';

@Component({ selector: 'wl-test-page', template: '页面' })
class TestPage {}

const base = { requiresCorp: false, core: false, loadRoutes: () => Promise.resolve([]) };
const ENTRIES: UiPluginEntry[] = [
  { ...base, id: 'lives', title: '成员直播列表', icon: 'list', order: 2, route: 'lives', tiers: ['user'] },
  {
    ...base,
    id: 'settings',
    title: '系统设置',
    icon: 'settings',
    order: 90,
    route: 'settings',
    tiers: ['user'],
  },
];

const USER: LoginResult = {
  session: 's1',
  user: { userid: 'zhangsan', username: '张三', tier: 'user' },
  corp: { corpId: 'c1', corpname: '星海科技', agentid: 1000002, appName: '直播助手' },
};

function statuses(disabled: string[] = []): PluginStatus[] {
  return ENTRIES.map((e) => ({
    id: e.id,
    title: e.title,
    version: '1.0.0',
    state: disabled.includes(e.id) ? 'disabled' : 'enabled',
  }));
}

describe('ShellLayout', () => {
  let fake: FakeTransport;
  let harness: RouterTestingHarness;

  function element(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function menuTitles(): string[] {
    return [...element().querySelectorAll('nav a[mat-list-item]')].map((a) => a.textContent?.trim() ?? '');
  }

  beforeEach(async () => {
    sessionStorage.clear();
    fake = new FakeTransport()
      .answer('host.status', {
        version: '1.0.0',
        firstRun: false,
        plugins: statuses(),
        timeZone: 'Asia/Shanghai',
      })
      .answer('auth.logout', {});
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        { provide: PLUGIN_ENTRIES, useValue: ENTRIES },
        // A wide window, whatever the size of the test browser's.
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }) } },
        provideRouter([
          { path: 'login', component: TestPage },
          {
            path: '',
            component: ShellLayout,
            children: [
              { path: 'lives', component: TestPage },
              { path: 'settings', component: TestPage },
              { path: 'status', component: TestPage },
            ],
          },
        ]),
      ],
    });
    TestBed.inject(RpcClient).use(fake);
    const session = TestBed.inject(AppSession);
    session.signedIn(USER);
    await session.refreshStatus();
    harness = await RouterTestingHarness.create('/lives');
  });

  afterEach(() => {
    sessionStorage.clear();
    localStorage.removeItem(THEME_STORAGE_KEY);
    document.documentElement.classList.remove('theme-light', 'theme-dark');
  });

  it('shows the app name, the corp, the user and the tier', () => {
    const toolbar = element().querySelector('mat-toolbar')?.textContent ?? '';
    expect(toolbar).toContain('企微直播助手');
    expect(toolbar).toContain('星海科技');
    expect(toolbar).toContain('张三');
    expect(toolbar).toContain('普通用户');
  });

  it('lists the entries this account may use, marks the current one, and follows plugins.changed', async () => {
    // RouterLinkActive settles after the navigation's end.
    await harness.fixture.whenStable();
    expect(menuTitles()).toEqual(['成员直播列表', '系统设置', '运行状态']);
    expect(element().querySelector('a[aria-current="page"]')?.textContent).toContain('成员直播列表');
    fake.emit('plugins.changed', { plugins: statuses(['lives']) });
    await harness.fixture.whenStable();
    expect(menuTitles()).toEqual(['系统设置', '运行状态']);
    // The open page belonged to the disabled plugin: the shell leaves it.
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('lists the reports of reports.available under 报表 and reads them again on reports.changed', async () => {
    let reports = [{ id: 'invite-leaderboard', title: '邀请排行榜', icon: 'bar_chart', description: null }];
    fake.answer('reports.available', () => reports);
    fake.emit('reports.changed', {});
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    harness.fixture.detectChanges();
    expect(menuTitles()).toEqual(['成员直播列表', '系统设置', '邀请排行榜', '运行状态']);
    expect(element().querySelector('a[href="/reports/invite-leaderboard"]')).not.toBeNull();
    reports = [];
    fake.emit('reports.changed', {});
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    harness.fixture.detectChanges();
    expect(menuTitles()).toEqual(['成员直播列表', '系统设置', '运行状态']);
  });

  it('switches the theme from the toolbar menu', async () => {
    element().querySelector<HTMLButtonElement>('button[aria-label^="主题"]')?.click();
    await harness.fixture.whenStable();
    const dark = [...document.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]')].find((b) =>
      b.textContent?.includes('暗色'),
    );
    dark?.click();
    await harness.fixture.whenStable();
    expect(document.documentElement.classList.contains('theme-dark')).toBeTrue();
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('signs out and goes to the login page', async () => {
    element().querySelector<HTMLButtonElement>('button[aria-label="退出登录"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.callsTo('auth.logout').length).toBe(1);
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});

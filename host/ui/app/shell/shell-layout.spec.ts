import { BreakpointObserver } from '@angular/cdk/layout';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import type { PluginStatus } from '../../../../sdk/contracts/events.js';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import type { WeComConnectionState } from '../../../../sdk/contracts/wecom-connection.js';
import { provideAppIcons } from '../../../../sdk/ui/icons.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { THEME_STORAGE_KEY } from '../../../../sdk/ui/state/theme.state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import type { UiPluginEntry } from '../plugin-entry.js';
import { PLUGIN_ENTRIES } from '../plugin-menu.js';
import { ShellLayout } from './shell-layout.js';
import { AUTH_LOGOUT } from '../../../../sdk/contracts/auth-channels.js';
import { HOST_STATUS } from '../../../../sdk/contracts/host-channels.js';
import { REPORTS_AVAILABLE } from '../../../../sdk/contracts/reports-channels.js';
import { TRUSTED_IPS_LIST } from '../../../../sdk/contracts/trusted-ips-channels.js';
import { WECOM_CONNECTION } from '../../../../sdk/contracts/wecom-channels.js';

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

function connection(kind: WeComConnectionState['kind'], extra: Partial<WeComConnectionState> = {}) {
  return {
    corpId: 'c1',
    kind,
    lastOkAt: '2026-12-07T02:00:00.000Z',
    since: '2026-12-07T02:00:00.000Z',
    api: 'agent/get',
    errcode: null,
    ip: null,
    failure: null,
    ...extra,
  } satisfies WeComConnectionState;
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
      .answer(HOST_STATUS, {
        version: '1.0.0',
        firstRun: false,
        plugins: statuses(),
        timeZone: 'Asia/Shanghai',
      })
      .answer(AUTH_LOGOUT, {})
      .answer(WECOM_CONNECTION, connection('ok'))
      .answer(TRUSTED_IPS_LIST, {
        ips: [{ ip: '203.0.113.9', source: 'wecom-60020', firstSeenAt: 0, lastSeenAt: 0 }],
        copyText: '203.0.113.9',
        limit: 120,
        consoleUrl: 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
      });
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        { provide: PLUGIN_ENTRIES, useValue: ENTRIES },
        // A wide window, whatever the size of the test browser's.
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: false, breakpoints: {} }), isMatched: () => false },
        },
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
    TestBed.inject(MatDialog).closeAll();
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
    fake.answer(REPORTS_AVAILABLE, () => reports);
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

  it('shows the corp’s WeCom connection state with the last successful call, and follows wecom.connection', async () => {
    await harness.fixture.whenStable();
    const chip = () => element().querySelector<HTMLButtonElement>('[data-testid="wecom-connection"]');
    expect(chip()?.dataset['kind']).toBe('ok');
    expect(chip()?.textContent).toContain('企业微信 正常');
    expect(chip()?.getAttribute('aria-label')).toContain('最近一次成功调用：2026-12-07 10:00');
    fake.emit('wecom.connection', connection('tokenRefused', { errcode: 40001, api: 'gettoken' }));
    // Another corp's state is not this session's.
    fake.emit('wecom.connection', connection('unreachable', { corpId: 'c2' }));
    await harness.fixture.whenStable();
    expect(chip()?.dataset['kind']).toBe('tokenRefused');
    chip()?.click();
    await harness.fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container')?.textContent ?? '';
    expect(dialog).toContain('errcode 40001');
    expect(dialog).toContain('应用 Secret 不正确');
  });

  it('opens the trusted-IP dialog with the whole list when WeCom refused the IP', async () => {
    fake.emit('wecom.connection', connection('ipNotAllowed', { ip: '203.0.113.9' }));
    await harness.fixture.whenStable();
    element().querySelector<HTMLButtonElement>('[data-testid="wecom-connection"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    const dialog = document.querySelector('wl-trusted-ip-dialog')?.textContent ?? '';
    expect(dialog).toContain('本机 IP 未被企业微信信任');
    expect(dialog).toContain('203.0.113.9');
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
    expect(fake.callsTo(AUTH_LOGOUT).length).toBe(1);
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});

import { TestBed } from '@angular/core/testing';
import type { HostStatus, LoginResult } from '../contracts/host-status.js';
import { RpcClient } from './rpc-client.js';
import { AppSession } from './session.js';
import { provideAppState } from './state/app-state.js';
import { ACCOUNT_STORAGE_KEY } from './state/session.state.js';
import { FakeTransport } from './testing/fake-transport.js';
import { AUTH_LOGOUT } from '../contracts/auth-channels.js';
import { HOST_ABOUT, HOST_STATUS } from '../contracts/host-channels.js';

const LOGIN: LoginResult = {
  session: 'sess-1',
  user: { userid: 'zhangsan', username: '张三', tier: 'wecom-admin' },
  corp: { corpId: 'c1', corpname: '示例企业', agentid: 1000002, appName: '直播助手' },
};

const STATUS: HostStatus = {
  version: '1.0.0',
  firstRun: false,
  plugins: [{ id: 'settings', title: '系统设置', version: '1.0.0', state: 'enabled' }],
  timeZone: 'Asia/Shanghai',
};

describe('AppSession', () => {
  let fake: FakeTransport;
  let session: AppSession;
  let rpc: RpcClient;

  function start(): void {
    TestBed.configureTestingModule({ providers: [provideAppState()] });
    rpc = TestBed.inject(RpcClient);
    rpc.use(fake);
    session = TestBed.inject(AppSession);
  }

  beforeEach(() => {
    sessionStorage.clear();
    fake = new FakeTransport().answer(HOST_STATUS, STATUS).answer(AUTH_LOGOUT, {});
  });

  afterEach(() => sessionStorage.clear());

  it('keeps the login: session token on the client, account in the store and in sessionStorage', () => {
    start();
    expect(session.loggedIn()).toBeFalse();
    session.signedIn(LOGIN);
    expect(rpc.session()).toBe('sess-1');
    expect(session.loggedIn()).toBeTrue();
    expect(session.user()?.username).toBe('张三');
    expect(session.tier()).toBe('wecom-admin');
    expect(session.corp()?.corpname).toBe('示例企业');
    expect(JSON.parse(sessionStorage.getItem(ACCOUNT_STORAGE_KEY) ?? '{}').user.userid).toBe('zhangsan');
  });

  it('a root login has no corp', () => {
    start();
    session.signedIn({
      session: 's',
      user: { userid: 'root-admin', username: '超级管理员', tier: 'root-admin' },
    });
    expect(session.corp()).toBeNull();
    expect(session.tier()).toBe('root-admin');
  });

  it('restores the account of this tab after a reload', () => {
    start();
    session.signedIn(LOGIN);
    TestBed.resetTestingModule();
    start();
    expect(session.loggedIn()).toBeTrue();
    expect(session.user()?.userid).toBe('zhangsan');
  });

  it('reads host.status into plugins and firstRun', async () => {
    fake.answer(HOST_STATUS, { ...STATUS, firstRun: true });
    start();
    expect(session.statusLoaded()).toBeFalse();
    await session.refreshStatus();
    expect(session.statusLoaded()).toBeTrue();
    expect(session.firstRun()).toBeTrue();
    expect(session.plugins().map((plugin) => plugin.id)).toEqual(['settings']);
    expect(session.version()).toBe('1.0.0');
  });

  it('follows plugins.changed', async () => {
    start();
    session.signedIn(LOGIN);
    await session.refreshStatus();
    await Promise.resolve();
    fake.emit('plugins.changed', { plugins: [{ ...STATUS.plugins[0], state: 'disabled' }] });
    expect(session.plugins()[0]?.state).toBe('disabled');
  });

  it('signs out on the host and forgets the account', async () => {
    start();
    session.signedIn(LOGIN);
    await session.signOut();
    expect(fake.calls.map((call) => call.channel)).toContain('auth.logout');
    expect(fake.calls.find((call) => call.channel === 'auth.logout')?.session).toBe('sess-1');
    expect(session.loggedIn()).toBeFalse();
    expect(session.user()).toBeNull();
    expect(rpc.session()).toBeNull();
    expect(sessionStorage.getItem(ACCOUNT_STORAGE_KEY)).toBeNull();
  });

  it('signs out here even when the host call fails', async () => {
    fake.fail(AUTH_LOGOUT, { code: 'UNAUTHENTICATED', message: '需要登录' });
    start();
    session.signedIn(LOGIN);
    await session.signOut();
    expect(session.loggedIn()).toBeFalse();
  });

  it('forgets the account when the host ends the session (UNAUTHENTICATED)', async () => {
    fake.fail(HOST_ABOUT, { code: 'UNAUTHENTICATED', message: '登录已过期' });
    start();
    session.signedIn(LOGIN);
    TestBed.tick();
    await expectAsync(rpc.call(HOST_ABOUT)).toBeRejected();
    expect(session.loggedIn()).toBeFalse();
    TestBed.tick();
    expect(session.user()).toBeNull();
    expect(sessionStorage.getItem(ACCOUNT_STORAGE_KEY)).toBeNull();
  });
});

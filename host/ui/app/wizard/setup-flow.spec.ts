import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { SetupFlow } from './setup-flow.js';
import {
  FRESH_PROGRESS,
  readProgress,
  setupInProgress,
  STEP,
  WIZARD_PROGRESS_KEY,
  writeProgress,
} from './wizard-progress.js';
import { AUTH_LOGIN, AUTH_SETUP_ROOT } from '../../../../sdk/contracts/auth-channels.js';
import { CORPS_SAVE } from '../../../../sdk/contracts/corps-channels.js';
import { HOST_STATUS } from '../../../../sdk/contracts/host-channels.js';
import { USERS_SAVE } from '../../../../sdk/contracts/users-channels.js';

const ROOT: LoginResult = {
  session: 's-root',
  user: { userid: 'root-admin', username: '超级管理员', tier: 'root-admin' },
};
const SAVED = {
  corpId: 'c1',
  corpname: '星海科技',
  corpid: 'ww1234567890',
  agentid: 1000002,
  appName: '直播助手',
  secretMasked: '••••••••xyz',
};

describe('SetupFlow', () => {
  let fake: FakeTransport;
  let firstRun: boolean;

  function flow(): SetupFlow {
    return TestBed.inject(SetupFlow);
  }

  beforeEach(() => {
    localStorage.removeItem(WIZARD_PROGRESS_KEY);
    sessionStorage.clear();
    firstRun = true;
    fake = new FakeTransport().answer(HOST_STATUS, () => ({
      version: '1.0.0',
      firstRun,
      plugins: [],
      timeZone: 'Asia/Shanghai',
    }));
    TestBed.configureTestingModule({ providers: [provideAppState(), provideRouter([]), SetupFlow] });
    TestBed.inject(RpcClient).use(fake);
    spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });

  afterEach(() => {
    localStorage.removeItem(WIZARD_PROGRESS_KEY);
    sessionStorage.clear();
  });

  it('starts a fresh installation at the welcome step', async () => {
    expect(await flow().start()).toBe(STEP.welcome);
    expect(setupInProgress()).toBeFalse();
  });

  it('sets the root password, keeps the recovery code in memory only, and signs in as root-admin', async () => {
    fake.answer(AUTH_SETUP_ROOT, () => {
      firstRun = false;
      return { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' };
    });
    fake.answer(AUTH_LOGIN, ROOT);
    await flow().start();
    await flow().setupRoot('Wizard2026pass');
    expect(fake.callsTo(AUTH_SETUP_ROOT)).toEqual([{ password: 'Wizard2026pass' }]);
    expect(fake.callsTo(AUTH_LOGIN)).toEqual([{ kind: 'root', password: 'Wizard2026pass' }]);
    expect(flow().recoveryCode()).toBe('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
    expect(TestBed.inject(AppSession).tier()).toBe('root-admin');
    expect(TestBed.inject(AppSession).firstRun()).toBeFalse();
    expect(flow().needsRootLogin()).toBeFalse();
    const stored = localStorage.getItem(WIZARD_PROGRESS_KEY) ?? '';
    expect(stored).not.toContain('AAAAA');
    expect(stored).not.toContain('Wizard2026pass');
    expect(setupInProgress()).toBeTrue();
  });

  it('resumes at the corp step after a reload once the password is set, asking for it without a session', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.root, disclaimerAccepted: true, rootDone: true });
    firstRun = false;
    expect(await flow().start()).toBe(STEP.corp);
    expect(flow().recoveryCode()).toBeNull();
    expect(flow().needsRootLogin()).toBeTrue();
    fake.answer(AUTH_LOGIN, ROOT);
    await flow().loginRoot('Wizard2026pass');
    expect(flow().needsRootLogin()).toBeFalse();
  });

  it('keeps a later step when resuming, and starts over when the data folder was wiped', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.theme, disclaimerAccepted: true, rootDone: true });
    firstRun = false;
    expect(await flow().start()).toBe(STEP.theme);
    firstRun = true;
    expect(await flow().start()).toBe(STEP.welcome);
    expect(readProgress()).toEqual({ ...FRESH_PROGRESS, disclaimerAccepted: true });
  });

  it('leaves when setup was finished elsewhere', async () => {
    firstRun = false;
    expect(await flow().start()).toBeNull();
  });

  it('saves the checked corp as root-admin, remembers it without its secret, and adds a WeCom admin', async () => {
    fake.answer(CORPS_SAVE, SAVED).answer(USERS_SAVE, { userid: 'wangwu', tier: 'wecom-admin' });
    const corp = await flow().saveCorp({
      corpname: '星海科技',
      corpid: 'ww1234567890',
      corpsecret: 'abcdefghijklmnop_0123',
      agentid: 1000002,
    });
    expect(corp.appName).toBe('直播助手');
    expect(readProgress().corp).toEqual({
      corpId: 'c1',
      corpname: '星海科技',
      corpid: 'ww1234567890',
      agentid: 1000002,
      appName: '直播助手',
    });
    expect(localStorage.getItem(WIZARD_PROGRESS_KEY)).not.toContain('abcdefghijklmnop');
    await flow().addAdmin('WangWu', '');
    expect(fake.callsTo(USERS_SAVE)).toEqual([{ corpId: 'c1', userid: 'WangWu', tier: 'wecom-admin' }]);
    expect(readProgress().admins).toEqual(['wangwu']);
  });

  it('finishes: refreshes the status, forgets the progress and opens the app', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.done, rootDone: true });
    firstRun = false;
    await flow().finish();
    expect(localStorage.getItem(WIZARD_PROGRESS_KEY)).toBeNull();
    expect(TestBed.inject(AppSession).firstRun()).toBeFalse();
    expect(TestBed.inject(Router).navigateByUrl).toHaveBeenCalledWith('/');
  });
});

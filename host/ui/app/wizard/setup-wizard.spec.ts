import { BreakpointObserver } from '@angular/cdk/layout';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { of } from 'rxjs';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { SetupWizard } from './setup-wizard.js';
import { FRESH_PROGRESS, readProgress, STEP, WIZARD_PROGRESS_KEY, writeProgress } from './wizard-progress.js';
import { AUTH_LOGIN, AUTH_SETUP_ROOT } from '../../../../sdk/contracts/auth-channels.js';
import { CORPS_SAVE } from '../../../../sdk/contracts/corps-channels.js';
import { HOST_STATUS } from '../../../../sdk/contracts/host-channels.js';
import { TRUSTED_IPS_LIST } from '../../../../sdk/contracts/trusted-ips-channels.js';

const ROOT: LoginResult = {
  session: 's-root',
  user: { userid: 'root-admin', username: '超级管理员', tier: 'root-admin' },
};

describe('SetupWizard', () => {
  let fake: FakeTransport;
  let firstRun: boolean;
  let fixture: ComponentFixture<SetupWizard>;

  function el(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function byTestId<T extends HTMLElement = HTMLElement>(id: string): T | null {
    return el().querySelector<T>(`[data-testid="${id}"]`);
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function type(id: string, value: string): Promise<void> {
    const input = byTestId<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  function selectedStepLabel(): string {
    return el().querySelector('.mat-step-header[aria-selected="true"]')?.textContent?.trim() ?? '';
  }

  async function open(): Promise<void> {
    fixture = TestBed.createComponent(SetupWizard);
    fixture.autoDetectChanges();
    await settle();
  }

  beforeEach(() => {
    localStorage.removeItem(WIZARD_PROGRESS_KEY);
    sessionStorage.clear();
    firstRun = true;
    fake = new FakeTransport()
      .answer(HOST_STATUS, () => ({ version: '1.0.0', firstRun, plugins: [], timeZone: 'Asia/Shanghai' }))
      .answer(TRUSTED_IPS_LIST, {
        ips: [],
        copyText: '',
        limit: 120,
        consoleUrl: 'https://work.weixin.qq.com/',
      });
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideRouter([]),
        // The horizontal stepper, whatever the size of the test browser.
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: false, breakpoints: {} }), isMatched: () => false },
        },
      ],
    });
    TestBed.inject(RpcClient).use(fake);
    spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });

  afterEach(() => {
    localStorage.removeItem(WIZARD_PROGRESS_KEY);
    sessionStorage.clear();
  });

  it('needs the disclaimer accepted, then a matching password; shows the recovery code until it is saved', async () => {
    fake
      .answer(AUTH_SETUP_ROOT, () => {
        firstRun = false;
        return { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' };
      })
      .answer(AUTH_LOGIN, ROOT);
    await open();
    expect(selectedStepLabel()).toContain('欢迎');
    const start = byTestId<HTMLButtonElement>('welcome-next')!;
    expect(start.disabled).toBeTrue();
    byTestId('accept-disclaimer')!.querySelector('input')!.click();
    await fixture.whenStable();
    expect(start.disabled).toBeFalse();
    start.click();
    await settle();
    expect(selectedStepLabel()).toContain('管理员密码');

    await type('setup-password', 'short1');
    expect(byTestId<HTMLButtonElement>('setup-root')!.disabled).toBeTrue();
    await type('setup-password', 'Wizard2026pass');
    await type('setup-password-confirm', 'Wizard2026pasz');
    expect(byTestId<HTMLButtonElement>('setup-root')!.disabled).toBeTrue();
    await type('setup-password-confirm', 'Wizard2026pass');
    byTestId<HTMLButtonElement>('setup-root')!.click();
    await settle();
    expect(byTestId('recovery-code')?.textContent).toContain('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
    const next = byTestId<HTMLButtonElement>('root-next')!;
    expect(next.disabled).toBeTrue();
    byTestId('recovery-saved')!.querySelector('input')!.click();
    await fixture.whenStable();
    next.click();
    await settle();
    expect(selectedStepLabel()).toContain('企业配置');
    expect(readProgress().step).toBe(STEP.corp);
  });

  it('resumes at the corp step after a reload and asks for the root password when the session is gone', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.root, disclaimerAccepted: true, rootDone: true });
    firstRun = false;
    fake.answer(AUTH_LOGIN, ROOT);
    await open();
    expect(selectedStepLabel()).toContain('企业配置');
    expect(byTestId('wizard-corpid')).toBeNull();
    await type('reauth-password', 'Wizard2026pass');
    byTestId<HTMLButtonElement>('reauth-submit')!.click();
    await settle();
    expect(fake.callsTo(AUTH_LOGIN)).toEqual([{ kind: 'root', password: 'Wizard2026pass' }]);
    expect(byTestId('wizard-corpid')).not.toBeNull();
  });

  it('checks the corp with WeCom before moving on, shows the app name, and shows refusals under their input', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.corp, disclaimerAccepted: true, rootDone: true });
    firstRun = false;
    TestBed.inject(AppSession).signedIn(ROOT);
    fake.fail(CORPS_SAVE, {
      code: 'WECOM_CONFIG_INVALID',
      message: '企业配置有误：应用 ID（AgentId）不正确',
      details: { field: 'agentid' },
    });
    await open();
    await type('wizard-corpname', '星海科技');
    await type('wizard-corpid', 'ww1234567890');
    await type('wizard-corpsecret', 'abcdefghijklmnop_0123');
    await type('wizard-agentid', '1000003');
    byTestId<HTMLButtonElement>('corp-check')!.click();
    await settle();
    const agentField = byTestId('wizard-agentid')!.closest('mat-form-field')!;
    expect(agentField.querySelector('mat-error')?.textContent).toContain('AgentId');
    expect(fake.callsTo(CORPS_SAVE)).toEqual([
      { corpname: '星海科技', corpid: 'ww1234567890', corpsecret: 'abcdefghijklmnop_0123', agentid: 1000003 },
    ]);

    fake.answer(CORPS_SAVE, {
      corpId: 'c1',
      corpname: '星海科技',
      corpid: 'ww1234567890',
      agentid: 1000002,
      appName: '直播助手',
      secretMasked: '••••••••123',
    });
    await type('wizard-agentid', '1000002');
    byTestId<HTMLButtonElement>('corp-check')!.click();
    await settle();
    expect(byTestId('corp-ok')?.textContent).toContain('直播助手');
    byTestId<HTMLButtonElement>('corp-next')!.click();
    await settle();
    expect(selectedStepLabel()).toContain('可信 IP');
  });

  it('lets the corp step be skipped', async () => {
    writeProgress({ ...FRESH_PROGRESS, step: STEP.corp, disclaimerAccepted: true, rootDone: true });
    firstRun = false;
    TestBed.inject(AppSession).signedIn(ROOT);
    await open();
    byTestId<HTMLButtonElement>('corp-skip')!.click();
    await settle();
    expect(selectedStepLabel()).toContain('可信 IP');
    expect(readProgress().corpSkipped).toBeTrue();
  });
  it('leaves a skipped trusted-IP step unticked and says so at the end', async () => {
    writeProgress({
      ...FRESH_PROGRESS,
      step: STEP.trustedIps,
      disclaimerAccepted: true,
      rootDone: true,
      corpSkipped: true,
    });
    firstRun = false;
    TestBed.inject(AppSession).signedIn(ROOT);
    await open();
    byTestId<HTMLButtonElement>('ips-skip')!.click();
    await settle();
    expect(selectedStepLabel()).toContain('界面主题');
    expect(readProgress().ipsSkipped).toBeTrue();
    const ipHeader = Array.from(el().querySelectorAll('mat-step-header')).find((header) =>
      (header.textContent ?? '').includes('可信 IP'),
    );
    expect(ipHeader?.querySelector('.mat-step-icon-state-done')).toBeNull();
    expect(ipHeader?.textContent).toContain('可选');
  });
});

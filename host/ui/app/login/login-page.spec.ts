import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { LoginResult } from '../../../../sdk/contracts/host-status.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { LoginPage } from './login-page.js';
import { AUTH_LOGIN, AUTH_RECOVER_ROOT } from '../../../../sdk/contracts/auth-channels.js';
import { CORPS_LIST } from '../../../../sdk/contracts/corps-channels.js';
import { HOST_STATUS } from '../../../../sdk/contracts/host-channels.js';
import {
  TRUSTED_IPS_DETECT_PUBLIC_IP,
  TRUSTED_IPS_LIST,
} from '../../../../sdk/contracts/trusted-ips-channels.js';

const ROOT: LoginResult = {
  session: 's1',
  user: { userid: 'root-admin', username: '超级管理员', tier: 'root-admin' },
};

describe('LoginPage', () => {
  let fake: FakeTransport;
  let fixture: ComponentFixture<LoginPage>;
  let navigate: jasmine.Spy;

  function el(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function type(selector: string, value: string): Promise<void> {
    const input = el().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    sessionStorage.clear();
    fake = new FakeTransport()
      .answer(HOST_STATUS, { version: '1.0.0', firstRun: false, plugins: [], timeZone: 'Asia/Shanghai' })
      .answer(CORPS_LIST, [])
      .answer(TRUSTED_IPS_LIST, {
        ips: [],
        copyText: '',
        limit: 120,
        consoleUrl: 'https://work.weixin.qq.com/',
      });
    TestBed.configureTestingModule({ providers: [provideAppState(), provideRouter([])] });
    TestBed.inject(RpcClient).use(fake);
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    fixture = TestBed.createComponent(LoginPage);
    fixture.autoDetectChanges();
    await settle();
  });

  afterEach(() => sessionStorage.clear());

  it('shows the six inputs with their hints, the manual with the IP list, and the disclaimer', () => {
    for (const id of ['corpname', 'corpid', 'corpsecret', 'agentid', 'userid', 'username']) {
      expect(el().querySelector(`[data-testid="${id}"]`))
        .withContext(id)
        .not.toBeNull();
    }
    expect(el().querySelectorAll('wl-field-hint').length).toBe(6);
    expect(el().querySelector('[data-testid="trusted-ip-count"]')?.textContent).toBe('0');
    expect(el().querySelector('wl-disclaimer')?.textContent).toContain('24 小时内删除');
    expect(el().textContent).toContain('版本 1.0.0');
  });

  it('logs root-admin in with the password only', async () => {
    fake.answer(AUTH_LOGIN, ROOT);
    el().querySelector<HTMLElement>('[data-testid="mode-root"] button')!.click();
    await fixture.whenStable();
    expect(el().querySelector('[data-testid="corpid"]')).toBeNull();
    const submit = el().querySelector<HTMLButtonElement>('[data-testid="root-submit"]')!;
    expect(submit.disabled).toBeTrue();
    await type('[data-testid="root-password"]', 'Root-Kettle-Harbor-7');
    submit.click();
    await settle();
    expect(fake.callsTo(AUTH_LOGIN)).toEqual([{ kind: 'root', password: 'Root-Kettle-Harbor-7' }]);
    expect(TestBed.inject(RpcClient).session()).toBe('s1');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('sends root-admin to the wizard while no root password exists', async () => {
    fake.fail(AUTH_LOGIN, { code: 'CONFLICT', message: '尚未设置', details: { firstRun: true } });
    el().querySelector<HTMLElement>('[data-testid="mode-root"] button')!.click();
    await fixture.whenStable();
    await type('[data-testid="root-password"]', 'whatever1');
    el().querySelector<HTMLButtonElement>('[data-testid="root-submit"]')!.click();
    await settle();
    expect(navigate).toHaveBeenCalledWith('/setup');
  });

  it('detects the public IP on demand and says so when it cannot', async () => {
    fake.answer(TRUSTED_IPS_DETECT_PUBLIC_IP, {
      ip: null,
      source: null,
      message: '无法检测本机公网 IP，请手动填写。',
    });
    const detect = [...el().querySelectorAll('button')].find((b) => b.textContent?.includes('检测'))!;
    detect.click();
    await settle();
    expect(el().querySelector('[data-testid="public-ip"]')?.textContent).toContain('无法检测');
    expect(fake.callsTo(TRUSTED_IPS_DETECT_PUBLIC_IP).length).toBe(1);
  });

  it('resets a forgotten root password with the recovery code and shows the new code once', async () => {
    fake.answer(AUTH_RECOVER_ROOT, { recoveryCode: 'NEWCD-NEWCD-NEWCD-NEWCD-NEWCD' });
    el().querySelector<HTMLElement>('[data-testid="mode-root"] button')!.click();
    await fixture.whenStable();
    [...el().querySelectorAll('button')].find((b) => b.textContent?.includes('忘记密码'))!.click();
    await fixture.whenStable();
    const inputs = el().querySelectorAll<HTMLInputElement>('wl-root-recovery input');
    for (const [input, value] of [
      [inputs[0]!, ' abcde-fghij-klmno-pqrst-uvwxy '],
      [inputs[1]!, 'New-Pass-Harbor-2026'],
      [inputs[2]!, 'New-Pass-Harbor-2026'],
    ] as const) {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    [...el().querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('重设密码'))!
      .click();
    await settle();
    expect(fake.callsTo(AUTH_RECOVER_ROOT)).toEqual([
      { recoveryCode: 'abcde-fghij-klmno-pqrst-uvwxy', newPassword: 'New-Pass-Harbor-2026' },
    ]);
    expect(el().querySelector('[data-testid="recovery-code"]')?.textContent).toContain('NEWCD-NEWCD');
    const back = [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.includes('返回登录'),
    )!;
    expect(back.disabled).toBeTrue();
    el().querySelector<HTMLInputElement>('[data-testid="recovery-saved"] input')!.click();
    await fixture.whenStable();
    expect(back.disabled).toBeFalse();
    back.click();
    await fixture.whenStable();
    expect(el().querySelector('[data-testid="root-password"]')).not.toBeNull();
  });
});

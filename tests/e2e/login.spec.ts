// The home/login page end to end (R2.1–R2.8): browser mode against the WeCom simulator, Chromium through
// playwright-core. root-admin prepares a saved corp and a WeCom admin over HTTP; people log in on the page.
import type { Browser, Page } from 'playwright-core';
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import { launchChromium, openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import {
  call,
  DETECTED_IP,
  simAdmin,
  startJourneyEnv,
  stopJourneyEnv,
  type JourneyEnv,
} from './support/journey-env.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';
const ADMIN_PASSWORD = 'Admin-Birch-2026';
const CORPNAME = '模拟企业';
// Generous: the journeys take a few seconds each, but CI machines run many suites at once.
const SPEC_TIMEOUT = 60_000;

describe('login page (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let corpId: string;
  /** The one-time code root-admin was shown when adding 李四. */
  let adminInitialCode: string;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([startJourneyEnv('login'), launchChromium()]);
    await call(env, 'auth.setupRoot', { password: ROOT_PASSWORD });
    const root = await call<LoginResult>(env, 'auth.login', { kind: 'root', password: ROOT_PASSWORD });
    const saved = await call<{ corpId: string }>(
      env,
      'corps.save',
      {
        corpname: CORPNAME,
        corpid: env.sim.corpid,
        corpsecret: env.sim.corpsecret,
        agentid: env.sim.agentid,
      },
      root.session,
    );
    corpId = saved.corpId;
    ({ initialCode: adminInitialCode } = await call<{ initialCode: string }>(
      env,
      'users.save',
      { corpId, userid: 'LiSi', username: '李四', tier: 'wecom-admin' },
      root.session,
    ));
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    for (const opened of pages) await opened.context.close();
    await browser?.close();
    await stopJourneyEnv(env);
  }, SPEC_TIMEOUT);

  beforeEach(async () => {
    await simAdmin(env.sim, 'DELETE', 'faults');
  });

  async function open(viewport?: { width: number; height: number }): Promise<Page> {
    const opened = await openPage(browser, env.server.ready.url, viewport);
    pages.push(opened);
    await opened.page.waitForURL('**/login');
    await opened.page.getByTestId('login-submit').waitFor();
    return opened.page;
  }

  async function loggedIn(page: Page): Promise<void> {
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    expect(await page.evaluate<string | null>("sessionStorage.getItem('wecom-live.session')")).not.toBeNull();
  }

  it(
    'offers the saved corp, masks its secret, and detects the public IP',
    async () => {
      const page = await open();
      await page.getByTestId('corp-choice').getByText(CORPNAME).waitFor();
      expect(await page.getByTestId('corpid').inputValue()).toBe(env.sim.corpid);
      expect(await page.getByTestId('agentid').inputValue()).toBe(String(env.sim.agentid));
      const secret = await page.getByTestId('corpsecret').inputValue();
      expect(secret).toMatch(/^•+.{3}$/);
      expect(secret).not.toContain(env.sim.corpsecret);
      await page.getByRole('button', { name: '检测' }).click();
      await page.getByTestId('public-ip').filter({ hasText: DETECTED_IP }).waitFor();
      await screenshotThemes(page, 'login');
    },
    SPEC_TIMEOUT,
  );

  it(
    'lays the page out in one column on a narrow screen',
    async () => {
      const page = await open({ width: 390, height: 844 });
      await page.getByTestId('corp-choice').getByText(CORPNAME).waitFor();
      await screenshotThemes(page, 'login-narrow');
    },
    SPEC_TIMEOUT,
  );

  it(
    "enables login only for complete inputs and shows WeCom's refusal under the right input",
    async () => {
      const page = await open();
      await page.getByTestId('corp-choice').click();
      await page.getByTestId('corp-choice-new').click();
      const submit = page.getByTestId('login-submit');
      expect(await submit.isDisabled()).toBeTrue();
      await page.getByTestId('corpname').fill('新企业');
      await page.getByTestId('corpid').fill(env.sim.corpid);
      await page.getByTestId('corpsecret').fill('wrong-secret-0123456789');
      expect(await submit.isDisabled()).toBeTrue();
      await page.getByTestId('agentid').fill(String(env.sim.agentid));
      expect(await submit.isDisabled()).toBeFalse();
      await submit.click();
      const error = page
        .locator('mat-form-field', { has: page.getByTestId('corpsecret') })
        .locator('mat-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('Secret');
      // Said once: the field and the errcode, not the errcode's text repeating the field in brackets.
      expect((await error.innerText()).split('Secret').length - 1).toBe(1);
      // One 企业名称 field: the dropdown lists the saved corps, the input names the new one.
      expect(await page.locator('mat-label', { hasText: /^企业名称$/ }).count()).toBe(0);
      await page.locator('mat-label', { hasText: '已保存的企业' }).waitFor();
      await page.locator('mat-label', { hasText: '新企业的名称' }).waitFor();
      await screenshotThemes(page, 'login-new-corp');
    },
    SPEC_TIMEOUT,
  );

  it(
    'says what to do when the address lacks its token, instead of a form where every call fails',
    async () => {
      const opened = await openPage(browser, env.server.ready.url.replace(/#.*$/, ''));
      pages.push(opened);
      const notice = opened.page.getByTestId('token-missing');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('启动时在终端里打印的完整地址');
      expect(await opened.page.locator('input').count()).toBe(0);
      await screenshotThemes(opened.page, 'login-token-missing');
    },
    SPEC_TIMEOUT,
  );

  it(
    'logs a user in through the saved corp without a password',
    async () => {
      const page = await open();
      await page.getByTestId('userid').fill('ZhangSan');
      await page.getByTestId('username').fill('张三');
      await page.getByTestId('login-submit').click();
      await loggedIn(page);
    },
    SPEC_TIMEOUT,
  );

  it(
    'has a new WeCom admin give the initial code and set a local password at first login, then asks for it',
    async () => {
      let page = await open();
      await page.getByTestId('userid').fill('lisi');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('admin-password').waitFor();
      expect(await page.getByTestId('login-banner').innerText()).toContain('初始码');
      await page.getByTestId('initial-code').fill(adminInitialCode);
      // A common password is refused in the form, with the strength hint saying why.
      await page.getByTestId('password').fill('Password2026!');
      expect(await page.getByTestId('password-strength').innerText()).toContain('强度：弱');
      await page.getByTestId('password').fill(ADMIN_PASSWORD);
      await page.getByTestId('password-confirm').fill(ADMIN_PASSWORD);
      await screenshotThemes(page, 'login-admin-first-password');
      await page.getByTestId('login-submit').click();
      await loggedIn(page);

      // The next visit (a new window) asks for that password; a wrong one is named under the input.
      page = await open();
      await page.getByTestId('userid').fill('LiSi');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('password').waitFor();
      await page.getByTestId('password').fill('wrong-Passw0rd');
      await page.getByTestId('login-submit').click();
      const error = page
        .locator('mat-form-field', { has: page.getByTestId('password') })
        .locator('mat-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('密码错误');
      await page.getByTestId('password').fill(ADMIN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await loggedIn(page);
    },
    SPEC_TIMEOUT,
  );

  it(
    'logs root-admin in with the password only',
    async () => {
      const page = await open();
      await page.getByTestId('mode-root').click();
      await page.getByTestId('root-password').fill(ROOT_PASSWORD);
      await screenshotThemes(page, 'login-root');
      await page.getByTestId('root-submit').click();
      await loggedIn(page);
    },
    SPEC_TIMEOUT,
  );

  it(
    'shows the trusted-IP dialog with the refused IP when WeCom answers 60020',
    async () => {
      await simAdmin(env.sim, 'POST', 'faults', {
        api: 'agent/get',
        errcode: 60020,
        ip: '203.0.113.5',
        times: 1,
      });
      const page = await open();
      await page.getByTestId('login-submit').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('203.0.113.5');
      expect(await dialog.locator('textarea').inputValue()).toContain('203.0.113.5');
      // The dialog covers the viewport only: a full-page picture would cut its backdrop.
      await screenshotThemes(page, 'login-ip-not-allowed', false);
      await dialog.getByRole('button', { name: '知道了' }).click();
      expect(await page.getByTestId('login-banner').innerText()).toContain('203.0.113.5');
      const ips = await call<{ ips: Array<{ ip: string }> }>(env, 'trustedIps.list');
      expect(ips.ips.map((entry) => entry.ip)).toContain('203.0.113.5');
      // The fault was for one call: the next try goes through.
      await page.getByTestId('login-submit').click();
      await loggedIn(page);
    },
    SPEC_TIMEOUT,
  );
});

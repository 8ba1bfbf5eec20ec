// The first-run wizard end to end (R2.10): browser mode on a fresh data folder, the WeCom simulator for the
// corp check, Chromium through playwright-core; screenshots of every step in light and dark.
import type { Browser } from 'playwright-core';
import type { HostStatus } from '../../sdk/contracts/host-status.js';
import { launchChromium, openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import {
  call,
  DETECTED_IP,
  startJourneyEnv,
  stopJourneyEnv,
  type JourneyEnv,
} from './support/journey-env.js';

const ROOT_PASSWORD = 'Wizard2026pass';
// Generous: the journey takes well under 20 s alone, but CI machines run many suites at once.
const SPEC_TIMEOUT = 90_000;

describe('first-run wizard (browser mode, simulator)', () => {
  let env: JourneyEnv | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    [env, browser] = await Promise.all([startJourneyEnv('wizard'), launchChromium()]);
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await stopJourneyEnv(env);
  }, SPEC_TIMEOUT);

  it(
    'sets the root password, checks and saves a corp, shows the trusted IP, and opens the app',
    async () => {
      if (env === undefined || browser === undefined) throw new Error('environment not started');
      const { sim, server } = env;
      opened = await openPage(browser, server.ready.url);
      const { page } = opened;

      // A fresh installation opens the wizard.
      await page.waitForURL('**/setup');
      const next = page.getByTestId('welcome-next');
      await next.waitFor();
      expect(await next.isDisabled()).toBeTrue();
      await screenshotThemes(page, 'wizard-1-welcome');
      await page.getByTestId('accept-disclaimer').locator('input').check();
      await next.click();

      // Root-admin's password, then the recovery code shown once.
      await page.getByTestId('setup-password').fill(ROOT_PASSWORD);
      await page.getByTestId('setup-password-confirm').fill(ROOT_PASSWORD + 'x');
      expect(await page.getByTestId('setup-root').isDisabled()).toBeTrue();
      await page.getByTestId('setup-password-confirm').fill(ROOT_PASSWORD);
      await screenshotThemes(page, 'wizard-2-password');
      await page.getByTestId('setup-root').click();
      const code = page.getByTestId('recovery-code');
      await code.waitFor();
      expect((await code.innerText()).trim()).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){4}$/);
      expect(await page.getByTestId('root-next').isDisabled()).toBeTrue();
      await screenshotThemes(page, 'wizard-2-recovery-code');
      await page.getByTestId('recovery-saved').locator('input').check();
      await page.getByTestId('root-next').click();

      // The first corp, checked against the simulator (gettoken + agent/get) before it is saved.
      await page.getByTestId('wizard-corpname').fill('模拟企业');
      await page.getByTestId('wizard-corpid').fill(sim.corpid);
      await page.getByTestId('wizard-corpsecret').fill(sim.corpsecret);
      await page.getByTestId('wizard-agentid').fill(String(sim.agentid));
      await screenshotThemes(page, 'wizard-3-corp');
      await page.getByTestId('corp-check').click();
      const ok = page.getByTestId('corp-ok');
      await ok.waitFor();
      expect(await ok.innerText()).toContain('直播助手');
      await page.getByTestId('admin-userid').fill('WangWu');
      await page.getByTestId('admin-add').click();
      await page.locator('mat-chip', { hasText: 'wangwu' }).waitFor();
      // The admin's one-time initial code is shown here, once.
      expect(await page.getByTestId('admin-initial-code').innerText()).toMatch(
        /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
      );
      await screenshotThemes(page, 'wizard-3-corp-checked');
      await page.getByTestId('corp-next').click();

      // Trusted IPs: the public IP on demand, recorded in the list.
      await page.getByRole('button', { name: '检测' }).click();
      await page.getByTestId('public-ip').filter({ hasText: DETECTED_IP }).waitFor();
      await page.getByTestId('trusted-ip-list').filter({ hasText: DETECTED_IP }).waitFor();
      expect(await page.getByTestId('trusted-ip-count').innerText()).toBe('1');
      await screenshotThemes(page, 'wizard-4-trusted-ip');
      await page.getByTestId('ips-next').click();

      // Theme, applied at once.
      await page.getByTestId('wizard-theme-dark').click();
      // Locator waits, not waitForFunction: its polling evaluates a string, which the page's CSP forbids.
      await page.locator('html.theme-dark').waitFor({ state: 'attached' });
      expect(await page.evaluate<string | null>("localStorage.getItem('wecom-live.theme')")).toBe('dark');
      await page.getByTestId('wizard-theme-system').click();
      await page.locator('html.theme-dark').waitFor({ state: 'detached' });
      await screenshotThemes(page, 'wizard-5-theme');
      await page.getByTestId('theme-next').click();

      // Done: into the app as root-admin.
      const finish = page.getByTestId('wizard-finish');
      await finish.waitFor();
      await screenshotThemes(page, 'wizard-6-done');
      await finish.click();
      await page.waitForURL(
        (url) => !url.pathname.startsWith('/setup') && !url.pathname.startsWith('/login'),
      );
      expect(await page.evaluate<string | null>("localStorage.getItem('wecom-live.setupWizard')")).toBeNull();

      const status = await call<HostStatus>(env, 'host.status');
      expect(status.firstRun).toBeFalse();
      const corps = await call<Array<{ corpname: string; appName: string }>>(env, 'corps.list');
      expect(corps.map((corp) => [corp.corpname, corp.appName])).toEqual([['模拟企业', '直播助手']]);
      expect(opened.errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );
});

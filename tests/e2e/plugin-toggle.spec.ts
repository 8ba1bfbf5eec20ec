// R1.3 end to end: root-admin stops the 创建直播 plugin on 插件管理 while a member is signed in elsewhere.
// The member's menu loses it and its page at once (the `plugins.changed` event, no reload), a typed URL no
// longer opens it and its channels answer PLUGIN_DISABLED; enabling it brings all of it back, again
// without a reload, and the data it kept is still there.
import type { Browser, Page } from 'playwright-core';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { rpc } from '../support/serve-process.js';
import { launchChromium, openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import { startJourneyEnv, stopJourneyEnv, type JourneyEnv, prepareCorp } from './support/journey-env.js';

const ROOT_PASSWORD = 'Toggle2026pass';
const PLUGIN_TITLE = '创建直播';
const SPEC_TIMEOUT = 120_000;

describe('plugin on/off (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([startJourneyEnv('plugin-toggle'), launchChromium()]);
    await prepareCorp(env, ROOT_PASSWORD);
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    for (const page of opened) await page.context.close();
    await browser?.close();
    await stopJourneyEnv(env);
  }, SPEC_TIMEOUT);

  async function open(): Promise<Page> {
    const page = await openPage(browser, env.server.ready.url);
    opened.push(page);
    return page.page;
  }

  const menuLink = (page: Page) => page.locator('nav').getByRole('link', { name: PLUGIN_TITLE });

  async function pluginRoute(page: Page): Promise<string> {
    const href = await menuLink(page).getAttribute('href');
    if (href === null) throw new Error('the menu entry has no href');
    return href;
  }

  it(
    'removes the menu entry, the route and the channels of a disabled plugin at once, and brings them back',
    async () => {
      // A member signs in and lands on the plugin's page, the first entry of the menu.
      const member = await open();
      await member.waitForURL('**/login');
      await member.getByTestId('userid').fill('ZhangSan');
      await member.getByTestId('login-submit').click();
      await menuLink(member).waitFor();
      const route = await pluginRoute(member);
      await member.waitForURL(`**${route}`);
      const memberSession = await member.evaluate<string | null>(
        "sessionStorage.getItem('wecom-live.session')",
      );

      // root-admin, in another window, stops it on 插件管理.
      const admin = await open();
      await admin.waitForURL('**/login');
      await admin.getByTestId('mode-root').click();
      await admin.getByTestId('root-password').fill(ROOT_PASSWORD);
      await admin.getByTestId('root-submit').click();
      await admin.locator('nav').getByRole('link', { name: '系统设置' }).click();
      await admin.waitForURL('**/settings/plugins');
      const card = admin.locator('[data-plugin="live-create"]');
      await card.waitFor();
      expect(await card.innerText()).toContain('已启用');
      await card.getByRole('switch', { name: `停用${PLUGIN_TITLE}` }).click();
      // Off for everyone: the page asks first and says what it means.
      const confirm = admin.getByRole('dialog');
      await confirm.getByText('所有账号都看不到').waitFor();
      await screenshotThemes(admin, 'plugin-disable-confirm', false);
      await confirm.getByRole('button', { name: '停用' }).click();
      await card.getByText('已停用').waitFor();
      await screenshotThemes(admin, 'plugin-disabled');

      // The member's window follows without a reload: no menu entry, and it left the page.
      await menuLink(member).waitFor({ state: 'detached' });
      await member.waitForURL((url) => !url.pathname.startsWith(route));
      // A typed URL does not open it either (canMatch), and its channels are closed.
      await member.goto(new URL(route, env.server.ready.url).href.replace(/#.*$/, ''));
      await member.waitForURL((url) => !url.pathname.startsWith(route));
      expect(await menuLink(member).count()).toBe(0);
      if (memberSession !== null) {
        const { body } = await rpc(env.server, 'live-create.recent', {}, memberSession);
        expect((body as Extract<RpcResult, { ok: false }>).error?.code).toBe('PLUGIN_DISABLED');
      }

      // Enabled again: the entry comes back in the member's open window and the page opens.
      await card.getByRole('switch', { name: `启用${PLUGIN_TITLE}` }).click();
      await card.getByText('已启用').waitFor();
      await menuLink(member).waitFor();
      await menuLink(member).click();
      await member.waitForURL(`**${route}`);
      if (memberSession !== null) {
        const { body } = await rpc(env.server, 'live-create.recent', {}, memberSession);
        expect(body.ok).toBeTrue();
      }
      for (const page of opened) expect(page.errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );
});

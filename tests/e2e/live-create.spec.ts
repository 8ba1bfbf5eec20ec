// 创建直播 end to end (R3): a WeCom user signs in through the saved corp, lands on the create page (the
// default page after login), creates a reserved live in the simulator and sees the confirmation.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import {
  simAdmin,
  startJourneyEnv,
  stopJourneyEnv,
  type JourneyEnv,
  prepareCorp,
} from './support/journey-env.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';
const SPEC_TIMEOUT = 90_000;

interface SimData {
  specials: { mainAnchorUserid: string };
  lives: Array<{ livingid: string; createdByApi: boolean }>;
}

describe('创建直播 (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let anchor: string;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    [env, browser] = await Promise.all([startJourneyEnv('live-create'), launchChromium()]);
    await prepareCorp(env, ROOT_PASSWORD);
    anchor = ((await simAdmin(env.sim, 'GET', 'data')) as SimData).specials.mainAnchorUserid;
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    for (const opened of pages) await opened.context.close();
    await browser?.close();
    await stopJourneyEnv(env);
  }, SPEC_TIMEOUT);

  async function signIn(viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const opened = await openPage(browser, env.server.ready.url, viewport);
    pages.push(opened);
    const page = opened.page;
    await page.waitForURL('**/login');
    await page.getByTestId('userid').fill(anchor);
    await page.getByTestId('username').fill('王主播');
    await page.getByTestId('login-submit').click();
    return opened;
  }

  async function onCreatePage(page: Page): Promise<void> {
    await page.waitForURL('**/create');
    await page.getByRole('heading', { name: '创建预约直播' }).waitFor();
  }

  it(
    'lands on the create page after login, creates a live and shows the confirmation',
    async () => {
      const { page, errors } = await signIn();
      await onCreatePage(page);
      const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
      expect(await textbox('主播 userid').inputValue()).toBe(anchor.toLowerCase());
      await page.getByText('还没有在本应用创建的直播').waitFor();
      await screenshotThemes(page, 'live-create');

      // A start in the past is refused on the page, before anything is sent.
      const now = new Date();
      const today = `${now.getFullYear()}/${now.getMonth() + 1}/${now.getDate()}`;
      await textbox('开始日期').fill(today);
      await textbox('结束日期').fill(today);
      await page.getByLabel('开始时间（时:分:秒）').fill('00:00:01');
      await page.getByLabel('结束时间（时:分:秒）').fill('23:59:59');
      await textbox('直播主题').fill('新品发布培训');
      await page.getByRole('button', { name: '创建直播' }).click();
      await page.getByRole('alert').filter({ hasText: '不能选择过去的时间' }).waitFor();

      await page.reload();
      await onCreatePage(page);
      await page.getByRole('textbox', { name: '直播主题', exact: true }).fill('新品发布培训');
      await page.getByLabel('直播类型').click();
      await page.getByRole('option', { name: '活动直播' }).click();
      await page.getByText('非默认类型').waitFor();
      expect(await page.getByLabel('直播简介（可选）').isDisabled()).toBeTrue();
      await page.getByLabel('直播类型').click();
      await page.getByRole('option', { name: '企业培训（默认）' }).click();
      await page.getByLabel('直播简介（可选）').fill('面向销售团队的新品培训');
      await page.getByRole('button', { name: '创建直播' }).click();

      const livingid = await page.getByTestId('created-livingid').innerText();
      await page.getByText('直播创建成功').waitFor();
      await page.getByText('开播后 5 分钟', { exact: true }).waitFor();
      await page.locator('.recent-item', { hasText: livingid }).waitFor();
      const data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
      expect(data.lives.filter((live) => live.createdByApi).map((live) => live.livingid)).toEqual([livingid]);
      await screenshotThemes(page, 'live-create-done');
      // R3.2: from the confirmation to menu 2, which shows the new live.
      await page.getByTestId('open-list').click();
      await page.waitForURL('**/lives?keyword=*');
      await page.locator(`tr[data-livingid="${livingid}"]`).waitFor();
      expect(errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );

  it(
    'fits a narrow screen',
    async () => {
      const { page } = await signIn({ width: 390, height: 844 });
      await onCreatePage(page);
      await screenshotThemes(page, 'live-create-narrow');
    },
    SPEC_TIMEOUT,
  );
});

// 创建直播 end to end (R3): a WeCom user signs in through the saved corp, lands on the create page (the
// default page after login), creates a reserved live in the simulator and sees the confirmation.
import type { Browser, Page } from 'playwright-core';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

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
    ({ env, browser } = await startJourney('live-create', ROOT_PASSWORD));
    anchor = ((await simAdmin(env.sim, 'GET', 'data')) as SimData).specials.mainAnchorUserid;
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
  }, SPEC_TIMEOUT);

  async function signIn(viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages, viewport);
    const page = opened.page;
    await signInMember(page, anchor);
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
      // The fields' rules and messages are the create channel's input schema's.
      await textbox('主播 userid').fill('王 主播');
      await textbox('直播主题').fill('一二三四五六七八九十一二三四五六七八九十一');
      await page.getByText('主播 userid 只能包含字母、数字和 _ . @ -').waitFor();
      await page.getByText('直播主题最多 20 个字（当前 21 个）').waitFor();
      await screenshotThemes(page, 'live-create-errors', false);
      const sent = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
      expect(sent.lives.filter((live) => live.createdByApi)).toEqual([]);

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
      // R3.2's remembered choice: stay on the form and see the confirmation (the default opens menu 2).
      await page.getByTestId('after-create-open-list').getByRole('checkbox').uncheck();
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

      // The same member on a narrow screen (one spec: it needs the live created above, and jasmine
      // runs specs in random order).
      await fitsANarrowScreen();
    },
    2 * SPEC_TIMEOUT,
  );

  async function fitsANarrowScreen(): Promise<void> {
    const { page } = await signIn({ width: 390, height: 844 });
    await onCreatePage(page);
    await screenshotThemes(page, 'live-create-narrow');
    // The date hint ends above the 开始时间 label (they overlapped at 390 px).
    const hint = await page.getByText('只能选择今天及以后的日期').boundingBox();
    const startLabel = await page.locator('mat-label', { hasText: '开始时间' }).boundingBox();
    expect(hint !== null && startLabel !== null && hint.y + hint.height <= startLabel.y).toBeTrue();

    // 24-hour times with seconds, typed or picked from the list; the zone named in Chinese.
    const startTime = page.getByLabel('开始时间（时:分:秒）');
    expect(await startTime.getAttribute('type')).not.toBe('time');
    await page.getByText('时间按北京时间，24 小时制').waitFor();
    await startTime.fill('14');
    await page.getByRole('option', { name: '14:30:00' }).waitFor();
    await screenshotThemes(page, 'live-create-time-list', false);
    await page.getByRole('option', { name: '14:30:00' }).click();
    expect(await startTime.inputValue()).toBe('14:30:00');

    // The calendar in Chinese: plain day numbers, Chinese labels for screen readers.
    await page.getByRole('button', { name: '打开日历' }).click();
    await page.getByRole('button', { name: '上个月' }).waitFor();
    const days = await page.locator('.mat-calendar-body-cell-content').allInnerTexts();
    expect(days).toContain('15');
    expect(days.some((day) => day.includes('日'))).toBeFalse();
    await screenshotThemes(page, 'live-create-calendar', false);
    await page.keyboard.press('Escape');

    // The modify dialog at 390 px: the anchor's hint ends above the 主播名称 label.
    const recent = page.locator('.recent-item', { hasText: '新品发布培训' }).first();
    await recent.getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('修改预约直播时不能更换主播').waitFor();
    const anchorHint = await dialog.getByText('修改预约直播时不能更换主播').boundingBox();
    const nameLabel = await dialog.locator('mat-label', { hasText: '主播名称' }).boundingBox();
    expect(
      anchorHint !== null && nameLabel !== null && anchorHint.y + anchorHint.height <= nameLabel.y,
    ).toBeTrue();
    await screenshotThemes(page, 'live-create-modify-narrow', false);
  }
});

// 成员直播列表 end to end (R4): a WeCom user signs in, opens 成员直播列表 (empty at first), syncs a member's
// lives from the simulator with the progress on the page, sees the rows, and exports the list with the
// 统计分析 sheet: Chromium downloads the workbook through /download and exceljs opens it.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { removeDir, tempDataDir } from '../support/runtime-harness.js';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'List-Orchid-Ferry-3';
const SPEC_TIMEOUT = 120_000;

interface SimData {
  specials: { mainAnchorUserid: string; mainAnchorLiveCount: number };
}

describe('成员直播列表 (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let data: SimData;
  let saveDir: string;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    ({ env, browser } = await startJourney('live-list', ROOT_PASSWORD));
    data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
    saveDir = tempDataDir('live-list-download');
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
    removeDir(saveDir);
  }, SPEC_TIMEOUT);

  async function signIn(viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages, viewport);
    const page = opened.page;
    await signInMember(page, data.specials.mainAnchorUserid);
    // A narrow window hides the navigation behind its toggle.
    if (viewport !== undefined) await page.getByRole('button', { name: '显示或隐藏导航菜单' }).click();
    await page.getByRole('link', { name: '成员直播列表' }).first().click();
    await page.waitForURL('**/lives');
    await page.getByRole('heading', { name: '成员直播列表' }).waitFor();
    return opened;
  }

  it(
    'syncs a member, shows the rows and exports them to Excel',
    async () => {
      const { page, errors } = await signIn();
      await page.getByText('本机还没有直播').waitFor();
      expect(await page.getByRole('button', { name: '同步该成员的直播' }).isDisabled()).toBeTrue();
      await screenshotThemes(page, 'live-list-empty');

      // The field is not prefilled (it filters too) but offers oneself: the signed-in member is the anchor.
      const member = page.getByRole('combobox', { name: '成员 userid' });
      expect(await member.inputValue()).toBe('');
      // A userid the channels would refuse is named under the field, in their words; no sync is offered.
      await member.fill('王 主播');
      await page.getByText('成员 userid 只能包含字母、数字和 _ . @ -').waitFor();
      expect(await page.getByRole('button', { name: '同步该成员的直播' }).isDisabled()).toBeTrue();
      await screenshotThemes(page, 'live-list-userid-error', false);
      await member.fill('');
      await member.click();
      await page.getByRole('option', { name: /（我）/ }).click();
      // The session keeps userids in lower case; WeCom compares them case-insensitively.
      const picked = await member.inputValue();
      expect(picked).toBe(data.specials.mainAnchorUserid.toLowerCase());
      await page.getByRole('button', { name: '同步该成员的直播' }).click();
      await page.getByText(`已同步 ${picked} 的 ${data.specials.mainAnchorLiveCount} 场直播`).waitFor({
        timeout: 60_000,
      });
      await page.locator('tr.mat-mdc-row').first().waitFor();
      // The sync answered how WeCom spells the member (mixed case): oneself is now offered so.
      expect(data.specials.mainAnchorUserid).not.toBe(picked);
      await member.click();
      const self = page.getByRole('option', { name: /（我）/ });
      expect(await self.textContent()).toContain(data.specials.mainAnchorUserid);
      await page.keyboard.press('Escape');
      await page.getByText(`共 ${data.specials.mainAnchorLiveCount} 场`).waitFor();
      expect(await page.getByText('未采样').count()).toBeGreaterThan(0);
      await screenshotThemes(page, 'live-list');

      await page.getByText('含统计分析').click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^成员直播列表-\d{8}-\d{6}\.xlsx$/);
      const path = join(saveDir, download.suggestedFilename());
      await download.saveAs(path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['直播列表', '统计分析']);
      expect(workbook.getWorksheet('直播列表')?.rowCount).toBe(data.specials.mainAnchorLiveCount + 1);
      // Its charts are pictures beside the tables (at least 各主播直播场次 has figures to draw).
      expect(workbook.getWorksheet('统计分析')?.getImages().length).toBeGreaterThan(0);

      await page.locator('button[aria-label^="操作："]').first().click();
      await page.getByRole('menuitem', { name: '导出' }).waitFor();
      await screenshotThemes(page, 'live-list-menu', false);
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );

  it(
    'shows cards on a narrow screen',
    async () => {
      const { page } = await signIn({ width: 390, height: 844 });
      // Lives synced by the other journey, or the empty state when this one runs first.
      await page.locator('.live-card, .state').first().waitFor();
      await screenshotThemes(page, 'live-list-narrow');
    },
    SPEC_TIMEOUT,
  );
});

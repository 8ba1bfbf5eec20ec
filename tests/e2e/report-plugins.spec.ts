// Report plugins end to end (docs/report-plugins.md): root-admin installs the invite leaderboard on the
// settings' 报表 page with one click; a WeCom user pulls the promotion live (inviters) from the simulator,
// opens the report from the menu, runs it over a date range and exports it; the workbook holds the table's
// numbers and the chart as a picture. Screenshots at 1366 and 390 wide, light and dark.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { removeDir, tempDataDir } from '../support/runtime-harness.js';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Report-Lantern-Quay-9';
const SPEC_TIMEOUT = 120_000;

interface SimData {
  specials: { mainAnchorUserid: string; promotionLivingid: string };
}

/** A day as the zh-CN date inputs take it: 2026/3/1. */
function typed(date: Date): string {
  return `${date.getFullYear()}/${date.getMonth() + 1}/${date.getDate()}`;
}

describe('report plugins (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let data: SimData;
  let saveDir: string;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    ({ env, browser } = await startJourney('reports', ROOT_PASSWORD));
    data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
    saveDir = tempDataDir('report-download');
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
    removeDir(saveDir);
  }, SPEC_TIMEOUT);

  const open = (viewport: { width: number; height: number }): Promise<OpenedPage> =>
    openLogin(browser, env, pages, viewport);

  async function signInUser(viewport: { width: number; height: number }): Promise<Page> {
    const { page } = await open(viewport);
    await signInMember(page, data.specials.mainAnchorUserid);
    return page;
  }

  async function runLeaderboard(page: Page): Promise<void> {
    const from = new Date(Date.now() - 70 * 86_400_000);
    await page.getByPlaceholder('开始日期').fill(typed(from));
    await page.getByPlaceholder('结束日期').fill(typed(new Date()));
    await page.getByPlaceholder('结束日期').blur();
    // The page ran once on open with the defaults; wait for that run before asking again.
    await page.getByRole('button', { name: '运行' }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('button', { name: '运行' }).click();
    await page.locator('mat-progress-bar').waitFor({ state: 'detached' });
    await page.locator('table[aria-label="报表结果"] tr[mat-row]').first().waitFor();
  }

  it(
    'installs the leaderboard, runs it over the promotion live’s inviters and exports it with its chart',
    async () => {
      // root-admin: 系统设置 → 报表, nothing installed yet, the two examples offered.
      const { page: admin } = await open({ width: 1366, height: 768 });
      await admin.getByTestId('mode-root').click();
      await admin.getByTestId('root-password').fill(ROOT_PASSWORD);
      await admin.getByTestId('root-submit').click();
      await admin.getByRole('link', { name: '系统设置' }).first().click();
      await admin.waitForURL('**/settings/plugins');
      await admin.getByRole('tab', { name: '报表' }).click();
      await admin.waitForURL('**/settings/reports');
      await admin.getByText('报表文件夹中还没有报表').waitFor();
      await screenshotThemes(admin, 'reports-settings-empty');
      await admin
        .locator('[data-example="invite-leaderboard"]')
        .getByRole('button', { name: '安装并启用' })
        .click();
      const card = admin.locator('[data-report="invite-leaderboard"]');
      await card.getByText('已启用').waitFor();
      expect(await card.innerText()).toContain('内容指纹');
      await screenshotThemes(admin, 'reports-settings');
      await admin.setViewportSize({ width: 390, height: 844 });
      await screenshotThemes(admin, 'reports-settings-390');

      // The user pulls the promotion live (its viewers and inviters) on its detail page.
      const page = await signInUser({ width: 1366, height: 768 });
      await page.goto(
        new URL(`/live/${data.specials.promotionLivingid}`, env.server.ready.url).href.replace(/#.*$/, ''),
      );
      await page.getByRole('heading', { name: '观众明细' }).waitFor();
      await page.getByTestId('pulling').waitFor({ state: 'detached', timeout: 30_000 });

      // The report is in the menu (from reports.available, not the build), opens and runs.
      await page.getByRole('link', { name: '邀请排行榜' }).click();
      await page.waitForURL('**/reports/invite-leaderboard');
      await page.getByRole('heading', { name: '邀请排行榜' }).waitFor();
      await runLeaderboard(page);
      await page.locator('.chart-card canvas').first().waitFor();
      const first = await page
        .locator('table[aria-label="报表结果"] tr[mat-row]')
        .first()
        .locator('td')
        .allInnerTexts();
      expect(first[0]?.length).toBeGreaterThan(0);
      await screenshotThemes(page, 'report-leaderboard');
      await page.locator('.chart-card').first().scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'report-leaderboard-chart', false);

      // 导出 Excel: the workbook has the same first row and the chart as a picture.
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^邀请排行榜-.*\.xlsx$/);
      const path = join(saveDir, download.suggestedFilename());
      await download.saveAs(path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(path) as never);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['邀请排行', '直播', '分析']);
      const ranking = workbook.getWorksheet('邀请排行');
      let header = 0;
      ranking?.eachRow((row, n) => {
        if (row.getCell(1).value === '邀请人') header = n;
      });
      expect(header).toBeGreaterThan(0);
      const row = ranking?.getRow(header + 1);
      expect(row?.getCell(1).value).toBe(first[0] ?? '');
      expect(String(row?.getCell(3).value)).toBe((first[2] ?? '').replaceAll(',', ''));
      expect(workbook.getWorksheet('分析')?.getImages().length).toBe(1);

      // A phone.
      const phone = await signInUser({ width: 390, height: 844 });
      await phone.goto(new URL('/reports/invite-leaderboard', env.server.ready.url).href.replace(/#.*$/, ''));
      await phone.getByRole('heading', { name: '邀请排行榜' }).waitFor();
      await runLeaderboard(phone);
      await screenshotThemes(phone, 'report-leaderboard-390');
    },
    SPEC_TIMEOUT,
  );
});

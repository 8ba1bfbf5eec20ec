// The audit log export end to end in browser mode: root-admin clicks 导出 Excel on 审计日志, the page gets
// a download ticket and lets Chromium download the workbook through /download, and the file Chromium
// saved opens in exceljs with the Chinese headers and the rows the host holds.
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../support/runtime-harness.js';
import { launchChromium, openPage, type OpenedPage } from './support/browser.js';
import { call, startJourneyEnv, stopJourneyEnv, type JourneyEnv } from './support/journey-env.js';

const ROOT_PASSWORD = 'Export2026pass';

describe('audit log export (browser mode)', () => {
  let env: JourneyEnv | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | undefined;
  let saveDir: string;

  beforeAll(async () => {
    [env, browser] = await Promise.all([startJourneyEnv('audit-export'), launchChromium()]);
    await call(env, 'auth.setupRoot', { password: ROOT_PASSWORD });
    saveDir = tempDataDir('audit-download');
  }, 60_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await stopJourneyEnv(env);
    removeDir(saveDir);
  });

  it('downloads the audit log as a workbook from the 审计日志 page', async () => {
    if (env === undefined || browser === undefined) throw new Error('environment not started');
    opened = await openPage(browser, env.server.ready.url);
    const { page } = opened;
    await page.getByTestId('mode-root').click();
    await page.getByTestId('root-password').fill(ROOT_PASSWORD);
    await page.getByTestId('root-submit').click();
    await page.getByRole('link', { name: '系统设置' }).first().click();
    await page.waitForURL('**/settings/plugins');
    await page.getByRole('tab', { name: '审计日志' }).click();
    await page.locator('table[aria-label="审计日志"]').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{8}-\d{6}\.xlsx$/);
    const path = join(saveDir, download.suggestedFilename());
    await download.saveAs(path);
    await page.getByText(/已导出 \d+ 条记录，正在下载/).waitFor();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('审计日志');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '编号',
      '时间',
      '操作人',
      '身份',
      '操作',
      '对象',
      '结果',
      '详情',
    ]);
    const actions: string[] = [];
    for (let row = 2; row <= (sheet?.rowCount ?? 0); row += 1)
      actions.push(sheet?.getRow(row).getCell(5).text ?? '');
    // Newest first: the root login made through the page, then the password set-up.
    expect(actions).toEqual(['登录', '初始化超级管理员密码']);
    expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(opened.errors).toEqual([]);
  }, 90_000);
});

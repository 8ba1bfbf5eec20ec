// The installation pages of 系统设置 end to end (issue 6; R8.1, R1.6, R1.8): root-admin in browser
// mode sees where the database and the logs are, sets a log folder for the next start, is told why a temp
// folder cannot hold the database, previews a clean-up, and saves an update feed; screenshots of each page
// in light and dark.
import { rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ConfigView } from '../../sdk/contracts/config.js';
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import { appRoot } from '../../host/runtime/core/app-info.js';
import { openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import { call, type JourneyEnv } from './support/journey-env.js';
import { endJourney, signInRootToSettings, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Config2026pass';
const within = (path: string, root: string): boolean => {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
};
// Outside the temp dir, which the settings refuse: the checkout's ignored test output, or the home folder
// when the checkout itself lies in the temp dir (a CI clone).
const E2E_FOLDER = within(appRoot(), tmpdir())
  ? join(homedir(), '.cache', `wecom-live-e2e-config-${process.pid}`)
  : join(appRoot(), 'test-output', 'e2e-config');
const LOG_FOLDER = join(E2E_FOLDER, 'logs');

describe('settings installation pages (browser mode)', () => {
  let env: JourneyEnv | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | undefined;
  let root: LoginResult;

  beforeAll(async () => {
    ({ env, browser, root } = await startJourney('settings-config', ROOT_PASSWORD, false));
  }, 60_000);

  afterAll(async () => {
    await endJourney({ env, browser }, [opened]);
    rmSync(E2E_FOLDER, { recursive: true, force: true });
  });

  it('shows and changes storage, clean-up and update settings', async () => {
    if (env === undefined || browser === undefined) throw new Error('environment not started');
    opened = await openPage(browser, env.server.ready.url);
    const { page } = opened;
    await signInRootToSettings(page, ROOT_PASSWORD);

    // 存储与日志: where things are now.
    await page.getByRole('tab', { name: '存储与日志' }).click();
    await page.waitForURL('**/settings/storage');
    const databaseFile = page.getByTestId('database-file');
    await databaseFile.waitFor();
    expect(await databaseFile.innerText()).toBe(join(env.dataDir, 'wecom-live.sqlite'));
    expect(await page.getByTestId('log-dir').innerText()).toBe(join(env.dataDir, 'logs'));
    await screenshotThemes(page, 'settings-storage');

    // A relative path is refused on the field at once, before any confirmation is asked.
    await page.getByTestId('database-path').fill('数据/新位置');
    await page.getByRole('button', { name: '迁移数据库' }).click();
    await page.getByText('请填写完整路径').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await screenshotThemes(page, 'settings-storage-relative');

    // A temp folder cannot hold the database: the host's reason shows on the field before any
    // confirmation is asked, and nothing is pending.
    await page.getByTestId('database-path').fill(join(env.dataDir, 'moved'));
    await page.getByRole('button', { name: '迁移数据库' }).click();
    await page.getByText('在系统临时文件夹中').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByTestId('database-pending').count()).toBe(0);
    await screenshotThemes(page, 'settings-storage-temp-folder');

    // A log folder for the next start: pending, with the restart notice.
    await page.getByTestId('log-path').fill(LOG_FOLDER);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('log-next').waitFor();
    expect(await page.getByTestId('log-next').innerText()).toBe(LOG_FOLDER);
    await page.getByTestId('restart-notice').waitFor();
    await screenshotThemes(page, 'settings-storage-pending');

    // 数据清理: a date in the past previews per kind of data (a new installation has nothing that old).
    await page.getByRole('tab', { name: '数据清理' }).click();
    await page.waitForURL('**/settings/cleanup');
    await page.getByTestId('cleanup-date').fill('2020/1/1');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('这个日期之前没有可清理的数据').waitFor();
    await screenshotThemes(page, 'settings-cleanup');

    // 软件更新: browser mode says it does not update itself; the feed is saved all the same.
    await page.getByRole('tab', { name: '软件更新' }).click();
    await page.waitForURL('**/settings/updates');
    await page.getByTestId('auto-update').waitFor();
    expect(await page.getByTestId('auto-update').innerText()).toContain('浏览器模式不会自动更新');
    await page.getByTestId('feed-input').fill('http://updates.example.com/feed');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('必须使用 https 网址').waitFor();
    await page.getByTestId('feed-input').fill('https://updates.example.com/wecom-live/win32/x64');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('本页设置（update.json）').waitFor();
    await screenshotThemes(page, 'settings-updates');
    expect(opened.errors).toEqual([]);

    // What the pages did is what the host now holds.
    const view = await call<ConfigView>(env, 'config.get', {}, root.session);
    expect(view.storage.logs.configured).toBe(LOG_FOLDER);
    expect(view.storage.database.pending).toBeNull();
    expect(view.updateFeed.url).toBe('https://updates.example.com/wecom-live/win32/x64');
  }, 90_000);
});

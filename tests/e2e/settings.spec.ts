// The settings plugin end to end (issue 6 C): root-admin signs in on the login page of browser mode (WeCom
// simulator behind it), opens 系统设置 and adds the simulator's corp, a WeCom admin and a trusted IP through
// the pages; screenshots of every page in light and dark.
import type { Browser } from 'playwright-core';
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import { openPage, screenshotThemes, type OpenedPage } from './support/browser.js';
import { call, DETECTED_IP, type JourneyEnv } from './support/journey-env.js';
import { endJourney, signInRootToSettings, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Settings2026pass';

describe('settings pages (browser mode, simulator)', () => {
  let env: JourneyEnv | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage | undefined;
  let root: LoginResult;

  // Generous limits for loaded CI machines; the journey itself takes a few seconds.
  beforeAll(async () => {
    ({ env, browser, root } = await startJourney('settings', ROOT_PASSWORD, false));
  }, 60_000);

  afterAll(async () => {
    await endJourney({ env, browser }, [opened]);
  });

  it('lets root-admin add the corp, a WeCom admin and a trusted IP', async () => {
    if (env === undefined || browser === undefined) throw new Error('environment not started');
    const { sim, server } = env;
    opened = await openPage(browser, server.ready.url);
    const { page } = opened;
    // root-admin signs in on the login page, then opens 系统设置 from the shell's menu (a lazy plugin route).
    await signInRootToSettings(page, ROOT_PASSWORD);

    // 插件管理 is root-admin's first page; the core plugin is locked on.
    const settingsCard = page.locator('[data-plugin="settings"]');
    await settingsCard.waitFor();
    expect(await settingsCard.innerText()).toContain('已启用');
    expect(await page.locator('a[mat-tab-link]').allInnerTexts()).toEqual([
      '插件管理',
      '报表',
      '企业配置',
      '用户与权限',
      '可信 IP',
      '账户',
      '审计日志',
      '存储与日志',
      '数据清理',
      '软件更新',
      '关于',
    ]);
    await screenshotThemes(page, 'settings-plugins');

    // 企业配置: the simulator's corp, checked with WeCom before it is saved.
    await page.getByRole('tab', { name: '企业配置' }).click();
    await page.getByText('还没有企业').waitFor();
    await page.getByRole('button', { name: '添加企业' }).first().click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.locator('input[formcontrolname="corpname"]').fill('模拟企业');
    await dialog.locator('[data-testid="corp-dialog-corpid"]').fill(sim.corpid);
    await dialog.locator('[data-testid="corp-dialog-corpsecret"]').fill(sim.corpsecret);
    await dialog.locator('[data-testid="corp-dialog-agentid"]').fill(String(sim.agentid));
    await screenshotThemes(page, 'settings-corp-dialog');
    await dialog.getByRole('button', { name: '检查并保存' }).click();
    const corpRow = page.locator('tr[data-corp="模拟企业"]');
    await corpRow.waitFor();
    expect(await corpRow.innerText()).toContain(sim.corpid);
    await dialog.waitFor({ state: 'detached' });
    await screenshotThemes(page, 'settings-corps');

    // 用户与权限: a WeCom admin of that corp.
    await page.getByRole('tab', { name: '用户与权限' }).click();
    await page.getByRole('button', { name: '添加企微管理员' }).click();
    await dialog.locator('mat-select').click();
    await page.getByRole('option', { name: '模拟企业' }).click();
    await dialog.locator('input[formcontrolname="userid"]').fill('WangWu');
    await dialog.locator('input[formcontrolname="username"]').fill('王五');
    await dialog.getByRole('button', { name: '添加' }).click();
    // The new admin's one-time initial code, shown to root-admin this once.
    const code = page.getByTestId('initial-code-value');
    await code.waitFor();
    expect(await code.innerText()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshotThemes(page, 'settings-users-initial-code');
    await page.getByTestId('initial-code-done').click();
    const adminRow = page.locator('tr[data-userid="wangwu"]');
    await adminRow.waitFor();
    expect(await adminRow.innerText()).toContain('企微管理员');
    await dialog.waitFor({ state: 'detached' });
    await screenshotThemes(page, 'settings-users');

    // 可信 IP: one typed by hand, then this machine's public IP detected on demand.
    await page.getByRole('tab', { name: '可信 IP' }).click();
    await page.locator('input[formcontrolname="ip"]').fill('198.51.100.23');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.locator('tr[data-ip="198.51.100.23"]').waitFor();
    await page.getByRole('button', { name: '检测公网IP' }).click();
    await page.locator(`tr[data-ip="${DETECTED_IP}"]`).waitFor();
    expect(await page.getByTestId('detected-ip').innerText()).toBe(DETECTED_IP);
    await screenshotThemes(page, 'settings-trusted-ips');

    for (const [tab, name] of [
      ['账户', 'account'],
      ['审计日志', 'audit'],
      ['关于', 'about'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForURL(`**/settings/${name}`);
      await page.locator('wls-page-state').waitFor({ state: 'detached' });
      await screenshotThemes(page, `settings-${name}`);
    }
    expect(await page.locator('table[aria-label="审计日志"]').count()).toBe(0); // left the audit page
    expect(opened.errors).toEqual([]);

    // What the pages did is what the host now holds.
    const corps = await call<Array<{ corpname: string; corpid: string }>>(env, 'corps.list');
    expect(corps.map((corp) => corp.corpid)).toEqual([sim.corpid]);
    const users = await call<Array<{ userid: string; tier: string }>>(env, 'users.list', {}, root.session);
    expect(users).toContain(jasmine.objectContaining({ userid: 'wangwu', tier: 'wecom-admin' }));
    const ips = await call<{ ips: Array<{ ip: string; source: string }> }>(env, 'trustedIps.list');
    expect(ips.ips.map((entry) => entry.ip)).toEqual(
      jasmine.arrayWithExactContents(['198.51.100.23', DETECTED_IP]),
    );
    const audit = await call<{ rows: Array<{ action: string }> }>(
      env,
      'audit.list',
      { page: 1, pageSize: 20 },
      root.session,
    );
    expect(audit.rows.map((row) => row.action)).toEqual(
      jasmine.arrayContaining(['corps.save', 'users.save', 'trustedIps.add']),
    );
  }, 90_000);
});

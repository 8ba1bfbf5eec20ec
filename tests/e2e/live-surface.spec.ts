// The rest of WeCom's live surface end to end (issue 16): the shell's connection state changing when
// the simulator refuses the IP, a cover attached to a new activity live, a replay deleted by a WeCom
// admin, and a WeChat viewing code; light/dark screenshots at 1366 and 390 px.
import type { Browser, Page } from 'playwright-core';
import type { LoginResult } from '../../sdk/contracts/host-status.js';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { call, simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';
const ADMIN_PASSWORD = 'Lantern-Orchid-Quarry-42';
const SPEC_TIMEOUT = 120_000;
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

interface SimData {
  specials: { mainAnchorUserid: string; promotionLivingid: string; bigLivingid: string };
  lives: Array<{ livingid: string; status: number; theme: string; createdByApi: boolean }>;
}

interface SimLive {
  livingid: string;
  theme: string;
  status: number;
  open_replay: number;
  replay_status: number;
  activity_cover_mediaid?: string;
}

describe('企业微信连接状态、封面、回放与观看码 (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let data: SimData;
  let adminCode: string;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    const started = await startJourney('live-surface', ROOT_PASSWORD);
    ({ env, browser } = started);
    const root = started.root;
    const corps = await call<Array<{ corpId: string }>>(env, 'corps.list', {}, root.session);
    ({ initialCode: adminCode } = await call<{ initialCode: string }>(
      env,
      'users.save',
      { corpId: corps[0]?.corpId, userid: 'ReplayAdmin', username: '回放管理员', tier: 'wecom-admin' },
      root.session,
    ));
    data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
  }, SPEC_TIMEOUT);

  beforeEach(async () => {
    await simAdmin(env.sim, 'DELETE', 'faults');
  });

  async function signIn(viewport = WIDE): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages, viewport);
    const page = opened.page;
    await signInMember(page, data.specials.mainAnchorUserid);
    return opened;
  }

  async function signInAdmin(): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages, WIDE);
    const page = opened.page;
    await page.getByTestId('userid').fill('ReplayAdmin');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password').waitFor();
    const initial = page.getByTestId('initial-code');
    if (await initial.isVisible()) {
      await initial.fill(adminCode);
      await page.getByTestId('password').fill(ADMIN_PASSWORD);
      await page.getByTestId('password-confirm').fill(ADMIN_PASSWORD);
    } else {
      await page.getByTestId('password').fill(ADMIN_PASSWORD);
    }
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/create');
    return opened;
  }

  async function openDetail(page: Page, livingid: string): Promise<void> {
    await page.goto(new URL(`/live/${livingid}`, env.server.ready.url).href.replace(/#.*$/, ''));
    await page.getByRole('heading', { name: '观众明细' }).waitFor();
  }

  const chip = (page: Page) => page.getByTestId('wecom-connection');

  it(
    'shows the WeCom connection state in the shell and follows the simulator refusing the IP',
    async () => {
      const { page, errors } = await signIn();
      await chip(page).and(page.locator('[data-kind="ok"]')).waitFor();
      expect(await chip(page).innerText()).toContain('企业微信 正常');
      expect(await chip(page).getAttribute('aria-label')).toContain('最近一次成功调用');
      await screenshotThemes(page, 'wecom-connection-ok', false);

      await simAdmin(env.sim, 'POST', 'faults', {
        api: 'living/get_living_info',
        errcode: 60020,
        ip: '198.51.100.23',
        times: 3,
      });
      await openDetail(page, data.specials.bigLivingid).catch(() => undefined);
      // The failed call opens the trusted-IP dialog; the indicator turns with the host's event.
      await page.locator('wl-trusted-ip-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('wl-trusted-ip-dialog').waitFor({ state: 'detached' });
      await chip(page).and(page.locator('[data-kind="ipNotAllowed"]')).waitFor();
      await screenshotThemes(page, 'wecom-connection-ip', false);
      await chip(page).click();
      const dialog = page.locator('wl-trusted-ip-dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('198.51.100.23');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // WeCom trusts the IP again: the next call turns the indicator back.
      await simAdmin(env.sim, 'DELETE', 'faults');
      await openDetail(page, data.specials.bigLivingid);
      await chip(page).and(page.locator('[data-kind="ok"]')).waitFor();

      // The secret is refused (the token invalidated, gettoken answering 40001): the help names it.
      await simAdmin(env.sim, 'POST', 'tokens', { action: 'invalidate' });
      await simAdmin(env.sim, 'POST', 'faults', { api: 'gettoken', errcode: 40001, times: 20 });
      await page.getByRole('button', { name: '刷新' }).click();
      await chip(page).and(page.locator('[data-kind="tokenRefused"]')).waitFor();
      await chip(page).click();
      const help = page.getByRole('dialog');
      await help.getByText('errcode 40001').waitFor();
      await screenshotThemes(page, 'wecom-connection-token-help', false);
      await simAdmin(env.sim, 'DELETE', 'faults');
      await help.getByRole('button', { name: '重新检测' }).click();
      await chip(page).and(page.locator('[data-kind="ok"]')).waitFor();
      await help.getByRole('button', { name: '关闭' }).click();
      expect(errors.filter((error) => !error.includes('status of 4'))).toEqual([]);

      const phone = await signIn(PHONE);
      await chip(phone.page).and(phone.page.locator('[data-kind="ok"]')).waitFor();
      await screenshotThemes(phone.page, 'wecom-connection-narrow', false);
    },
    SPEC_TIMEOUT,
  );

  it(
    'attaches a cover to a new activity live, refuses a wrong image, and opens the live list after',
    async () => {
      const { page } = await signIn();
      await page.getByLabel('直播类型').click();
      await page.getByRole('option', { name: '活动直播' }).click();
      await page.getByRole('textbox', { name: '直播主题', exact: true }).fill('封面发布会');

      // A GIF named .png is refused by the host, next to the picker, naming the field.
      let chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择分享图' }).click();
      await (await chooser).setFiles({ name: 'fake.png', mimeType: 'image/png', buffer: GIF });
      await page
        .locator('[data-field="share"] [role="alert"]')
        .filter({ hasText: '分享图：只支持 JPG 或 PNG 图片' })
        .waitFor();

      chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择封面图' }).click();
      await (await chooser).setFiles({ name: '封面.png', mimeType: 'image/png', buffer: PNG });
      await page.getByRole('img', { name: '封面图预览：封面.png' }).waitFor();
      await page.getByTestId('live-images').scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'live-create-cover');

      await page.getByRole('button', { name: '创建直播' }).click();
      await page.waitForURL('**/lives?keyword=*');
      const livingid = new URL(page.url()).searchParams.get('keyword') ?? '';
      await page.locator(`tr[data-livingid="${livingid}"]`).waitFor();
      const live = (await simAdmin(env.sim, 'GET', `lives/${livingid}`)) as SimLive;
      expect(live.theme).toBe('封面发布会');
      expect(live.activity_cover_mediaid).toEqual(jasmine.any(String));
      const media = (await simAdmin(env.sim, 'GET', 'media')) as {
        media: Array<{ media_id: string; size: number }>;
      };
      expect(media.media.find((item) => item.media_id === live.activity_cover_mediaid)?.size).toBe(
        PNG.length,
      );

      const phone = await signIn(PHONE);
      await phone.page.getByLabel('直播类型').click();
      await phone.page.getByRole('option', { name: '活动直播' }).click();
      await phone.page.getByTestId('live-images').scrollIntoViewIfNeeded();
      await screenshotThemes(phone.page, 'live-create-cover-narrow', false);
    },
    SPEC_TIMEOUT,
  );

  it(
    'lets a WeCom admin delete a replay after a confirmation naming the live, and get a viewing code',
    async () => {
      const lives = await Promise.all(
        data.lives
          .filter((live) => live.status === 2)
          .map((live) => simAdmin(env.sim, 'GET', `lives/${live.livingid}`) as Promise<SimLive>),
      );
      const ended = lives.find((live) => live.open_replay === 1 && live.replay_status === 0);
      if (ended === undefined) throw new Error('no ended live with a replay in the simulator');
      const { page, errors } = await signInAdmin();
      await openDetail(page, ended.livingid);
      await page.getByTestId('replay-state').filter({ hasText: '回放状态：已生成' }).waitFor();
      await page.locator('wl-live-surface-panel').scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'live-detail-surface', false);
      await page.getByTestId('delete-replay').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`将在企业微信中删除「${ended.theme}」`).waitFor();
      await screenshotThemes(page, 'live-detail-replay-confirm', false);
      await dialog.getByTestId('confirm-delete-replay').click();
      await page.getByText(`已删除「${ended.theme}」的回放`).waitFor();
      await page.getByTestId('replay-state').filter({ hasText: '回放状态：已删除' }).waitFor();
      expect(((await simAdmin(env.sim, 'GET', `lives/${ended.livingid}`)) as SimLive).replay_status).toBe(2);

      await page.getByLabel('观众 openid').fill('oWx_e2e-viewer');
      await page.getByRole('button', { name: '获取观看码' }).click();
      await page.getByRole('img', { name: /^观看码二维码：/ }).waitFor();
      await page.locator('wl-live-code-card').scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'live-detail-living-code', false);
      expect(errors).toEqual([]);

      // The audit log names the live and the admin.
      const root = await call<LoginResult>(env, 'auth.login', { kind: 'root', password: ROOT_PASSWORD });
      const audit = await call<{ rows: Array<{ action: string; target: string; ok: boolean }> }>(
        env,
        'audit.list',
        { page: 1, pageSize: 20 },
        root.session,
      );
      expect(audit.rows).toContain(
        jasmine.objectContaining({
          action: 'live-detail.deleteReplay',
          target: `${ended.theme}（${ended.livingid}）`,
          ok: true,
        }),
      );

      // A member on a phone: the replay's state without the delete button, the code card below.
      const phone = await signIn(PHONE);
      await openDetail(phone.page, ended.livingid);
      await phone.page.getByTestId('replay-state').filter({ hasText: '回放状态：已删除' }).waitFor();
      expect(await phone.page.getByTestId('delete-replay').count()).toBe(0);
      await phone.page.locator('wl-live-surface-panel').scrollIntoViewIfNeeded();
      await screenshotThemes(phone.page, 'live-detail-surface-narrow', false);
    },
    SPEC_TIMEOUT,
  );
});

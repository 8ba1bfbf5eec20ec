// 邀请观看 end to end (R10.3): a member creates a live, goes from the confirmation to the invite dialog,
// pastes a messy userid list and picks a member, previews the card and sends; WeCom refuses the first
// send, the results say so, and 重试失败的 sends only that batch again. A member who left meanwhile is
// answered invalid by WeCom and shown as such.
import type { Browser, Page } from 'playwright-core';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';
const SPEC_TIMEOUT = 120_000;

interface SimData {
  specials: { mainAnchorUserid: string };
  members: Array<{ userid: string; name: string; denied: boolean }>;
  lives: Array<{ livingid: string; status: number; viewerCount: number }>;
}

const WIDE = { width: 1366, height: 768 };

interface SimMessages {
  messages: Array<{ delivered: string[] }>;
}

describe('邀请观看 (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let data: SimData;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    ({ env, browser } = await startJourney('invite', ROOT_PASSWORD));
    data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
  }, SPEC_TIMEOUT);

  async function signIn(viewport?: { width: number; height: number }): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages, viewport);
    const page = opened.page;
    await signInMember(page, data.specials.mainAnchorUserid);
    await page.getByRole('heading', { name: '创建预约直播' }).waitFor();
    return opened;
  }

  async function createLive(page: Page, theme: string): Promise<string> {
    await page.getByRole('textbox', { name: '直播主题', exact: true }).fill(theme);
    // Stay on the form after creating, so the confirmation with its 邀请观看 shows (the default opens the list).
    const openList = page.getByTestId('after-create-open-list').getByRole('checkbox');
    if (await openList.isChecked()) await openList.uncheck();
    await page.getByRole('button', { name: '创建直播' }).click();
    await page.getByText('直播创建成功').waitFor();
    return page.getByTestId('created-livingid').innerText();
  }

  it(
    'invites from the creation confirmation, shows the results and retries only the failed batch',
    async () => {
      const { page, errors } = await signIn(WIDE);
      const livingid = await createLive(page, '季度复盘直播');
      await page.getByTestId('invite-from-created').click();
      await page.waitForURL(`**/live/${livingid}`);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: '邀请观看' }).waitFor();

      const visible = data.members.filter((m) => !m.denied && m.userid !== data.specials.mainAnchorUserid);
      const [picked, leaves, ...rest] = visible;
      const pasted = rest.slice(0, 4).map((m) => m.userid);
      // Search a member by name and tick them.
      await dialog.getByTestId('member-search').fill(picked?.name ?? '');
      await dialog.getByRole('checkbox', { name: new RegExp(picked?.userid ?? '') }).check();
      // A messy paste: duplicates, a case variant, full-width separators.
      await dialog.getByRole('tab', { name: '粘贴 userid' }).click();
      const messy = [
        leaves?.userid,
        ...pasted,
        pasted[0]?.toUpperCase(),
        pasted[1],
        (picked?.userid ?? '').toLowerCase(),
      ].join('；\n');
      await dialog.getByTestId('paste-userids').fill(messy);
      await dialog.getByTestId('invite-link').fill('https://live.example.com/l/quarterly');
      await dialog.getByTestId('invite-note').fill('请提前 5 分钟进入直播间');
      await dialog
        .getByTestId('recipient-count')
        .filter({ hasText: `收件人 ${pasted.length + 2} 人` })
        .waitFor();
      await dialog.getByTestId('card-preview').getByText('请提前 5 分钟进入直播间').waitFor();
      await screenshotThemes(page, 'invite-dialog', false);

      // Someone leaves after the directory was read; WeCom refuses the first send outright.
      // The other journey of this file may have sent first (random order): count from here.
      const sentBefore = ((await simAdmin(env.sim, 'GET', 'messages')) as SimMessages).messages.length;
      await simAdmin(env.sim, 'POST', 'members/depart', { userid: leaves?.userid });
      await simAdmin(env.sim, 'POST', 'faults', { api: 'message/send', errcode: 48002, times: 1 });
      await dialog.getByTestId('send-invite').click();
      await dialog.waitFor({ state: 'detached' });

      const invitation = page.getByTestId('invitation').first();
      await invitation.getByText(`失败 ${pasted.length + 2}`).waitFor();
      // The results open on the recipients who did not get it.
      await invitation.getByRole('button', { name: '收起' }).waitFor();
      await invitation.getByText('应用没有调用该接口的权限', { exact: false }).first().waitFor();
      await invitation.scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'invite-failed', false);
      expect(((await simAdmin(env.sim, 'GET', 'messages')) as SimMessages).messages.length).toBe(sentBefore);

      await invitation.getByTestId('retry-failed').click();
      await invitation.getByText(`已发送 ${pasted.length + 1}`).waitFor();
      await invitation.getByText('退回 1').waitFor();
      await invitation
        .getByText(leaves?.userid ?? '', { exact: false })
        .first()
        .waitFor();
      const { messages } = (await simAdmin(env.sim, 'GET', 'messages')) as SimMessages;
      expect(messages.length).toBe(sentBefore + 1);
      expect(messages[sentBefore]?.delivered.length).toBe(pasted.length + 1);
      // Nothing is left to retry.
      expect(await invitation.getByTestId('retry-failed').count()).toBe(0);
      await screenshotThemes(page, 'invite-results', false);
      expect(errors).toEqual([]);

      // The same page on a phone: the dialog and the results fit 390 px.
      const narrow = await signIn({ width: 390, height: 844 });
      await narrow.page.goto(new URL(`/live/${livingid}`, env.server.ready.url).href.replace(/#.*$/, ''));
      await narrow.page.getByTestId('invitation').first().waitFor();
      await narrow.page.getByTestId('invitation').first().scrollIntoViewIfNeeded();
      await screenshotThemes(narrow.page, 'invite-results-narrow', false);
      await narrow.page.getByTestId('open-invite').click();
      await narrow.page.getByRole('dialog').getByTestId('card-preview').waitFor();
      await screenshotThemes(narrow.page, 'invite-dialog-narrow', false);
    },
    3 * SPEC_TIMEOUT,
  );

  it(
    'marks the viewers of a running live who were invited by message before they watched',
    async () => {
      const { page, errors } = await signIn(WIDE);
      const running = data.lives.find((live) => live.status === 1 && live.viewerCount > 0);
      expect(running).withContext('a live in progress with viewers').toBeDefined();
      const livingid = running?.livingid ?? '';
      await page.goto(new URL(`/live/${livingid}`, env.server.ready.url).href.replace(/#.*$/, ''));
      await page.getByRole('heading', { name: '观众明细' }).waitFor();
      const table = page.locator('table[aria-label="观众明细"]');
      await table.locator('tr[mat-row]').first().waitFor();
      const memberRow = table.locator('tr[mat-row]', { hasText: '企业成员' }).first();
      const userid = (await memberRow.locator('.sub').first().innerText()).trim();
      expect(await memberRow.getByTestId('message-invite').innerText()).toBe('否');

      await page.getByTestId('open-invite').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('tab', { name: '粘贴 userid' }).click();
      // Typed in another case: WeCom's userids are case-insensitive; the page matches the viewer anyway.
      await dialog.getByTestId('paste-userids').fill(userid.toUpperCase());
      await dialog.getByTestId('invite-link').fill('https://live.example.com/l/running');
      await dialog.getByTestId('send-invite').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('invitation').first().getByText('已发送 1').waitFor();
      const invited = table.locator('tr[mat-row]', { hasText: userid }).first();
      await invited
        .getByTestId('message-invite')
        .filter({ hasText: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/ })
        .waitFor();
      await page.evaluate(`document.querySelector('#viewers-title').scrollIntoView({ block: 'start' })`);
      await screenshotThemes(page, 'invite-viewer-column', false);
      expect(errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );
});

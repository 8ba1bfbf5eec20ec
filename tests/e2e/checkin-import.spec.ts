// 签到导入 end to end (R6): a WeCom user signs in, the promotion live is in the local store (as the
// list's sync would leave it), the user picks it on the 签到导入 page, uploads the generated check-in
// workbook, reads the preview and imports it; a broken workbook is refused with its sheet and row.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LivingInfo, WatchStatPage } from '../../sdk/wecom/models.js';
import { openDatabase } from '../../host/runtime/storage/database.js';
import { LiveStoreService } from '../../host/runtime/live-store/live-store.js';
import { systemClock } from '../../host/runtime/core/runtime-options.js';
import { writeCheckinFixtures, type FixtureName } from '../fixtures/checkin/checkin-workbooks.js';
import { screenshotThemes, type OpenedPage } from './support/browser.js';
import { call, simAdmin, type JourneyEnv } from './support/journey-env.js';
import { endJourney, openLogin, signInMember, startJourney } from './support/sign-in.js';

const ROOT_PASSWORD = 'Root-Kettle-Harbor-7';
const SPEC_TIMEOUT = 120_000;

interface SimData {
  specials: { mainAnchorUserid: string; promotionLivingid: string };
}

/** What the list page's sync does: get_living_info and every get_watch_stat page, merged into the store. */
async function syncLiveIntoStore(env: JourneyEnv, corpId: string, livingid: string): Promise<string> {
  const base = `${env.sim.url}/cgi-bin`;
  const token = (await (
    await fetch(`${base}/gettoken?corpid=${env.sim.corpid}&corpsecret=${env.sim.corpsecret}`)
  ).json()) as { access_token: string };
  const info = (await (
    await fetch(`${base}/living/get_living_info?access_token=${token.access_token}&livingid=${livingid}`)
  ).json()) as { living_info: LivingInfo };
  const pages: WatchStatPage[] = [];
  for (let key = '0'; ;) {
    const page = (await (
      await fetch(`${base}/living/get_watch_stat?access_token=${token.access_token}`, {
        method: 'POST',
        body: JSON.stringify({ livingid, next_key: key }),
      })
    ).json()) as WatchStatPage;
    pages.push(page);
    if (page.ending === 1) break;
    key = page.next_key;
  }
  const db = openDatabase({ filename: join(env.dataDir, 'wecom-live.sqlite') });
  try {
    const store = new LiveStoreService(db, systemClock);
    await store.mergeLivingInfo(corpId, livingid, info.living_info);
    await store.mergeWatchStats(corpId, livingid, pages);
  } finally {
    await db.destroy();
  }
  return info.living_info.theme;
}

describe('签到导入 (browser mode, simulator)', () => {
  let env: JourneyEnv;
  let browser: Browser;
  let anchor: string;
  let livingid: string;
  let theme: string;
  let fixtures: Record<FixtureName, string>;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    const started = await startJourney('checkin-import', ROOT_PASSWORD);
    ({ env, browser } = started);
    fixtures = await writeCheckinFixtures(join(env.dataDir, 'fixtures'));
    const root = started.root;
    const [corp] = await call<Array<{ corpId: string }>>(env, 'corps.list', {}, root.session);
    const data = (await simAdmin(env.sim, 'GET', 'data')) as SimData;
    anchor = data.specials.mainAnchorUserid;
    livingid = data.specials.promotionLivingid;
    theme = await syncLiveIntoStore(env, corp?.corpId ?? '', livingid);
  }, SPEC_TIMEOUT);

  afterAll(async () => {
    await endJourney({ env, browser }, pages);
  }, SPEC_TIMEOUT);

  async function signInToCheckin(): Promise<OpenedPage> {
    const opened = await openLogin(browser, env, pages);
    const page = opened.page;
    await signInMember(page, anchor);
    await page.getByRole('link', { name: '签到导入' }).click();
    await page.waitForURL('**/checkin');
    await page.getByRole('heading', { name: '签到导入' }).waitFor();
    return opened;
  }

  async function pickLive(page: Page): Promise<void> {
    await page.getByRole('combobox', { name: '选择直播' }).fill(theme.slice(0, 4));
    await page.getByRole('option', { name: new RegExp(livingid) }).click();
    await page.getByTestId('chosen-live').filter({ hasText: livingid }).waitFor();
  }

  async function upload(page: Page, name: FixtureName): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /选择签到表|重新选择文件/ }).click();
    await (await chooser).setFiles(fixtures[name]);
  }

  it(
    'picks the live, uploads the workbook, previews and imports it',
    async () => {
      const { page, errors } = await signInToCheckin();
      await page.getByText('签到表格式说明').waitFor();
      await screenshotThemes(page, 'checkin-import-empty');
      await pickLive(page);
      // The valid rounds with a 说明 sheet before and a 汇总 sheet after them, tabs out of order.
      await upload(page, 'extra-sheets');

      // Seed 11: two viewers are named 万强 and three 晴天 (ambiguous); 路人甲 is nobody.
      await page.getByTestId('count-matched').filter({ hasText: '5' }).waitFor();
      expect(await page.getByTestId('count-ambiguous').innerText()).toBe('3');
      expect(await page.getByTestId('count-unmatched').innerText()).toBe('1');
      const rounds = page.getByRole('table', { name: '签到轮次' });
      expect(await rounds.locator('tbody tr').count()).toBe(3);
      await rounds.getByText('2025-03-13 12:17:00').waitFor();
      expect(await rounds.locator('tbody tr td:first-child').allInnerTexts()).toEqual([
        '第 1 次',
        '第 2 次',
        '第 3 次',
      ]);
      const notices = page.getByTestId('workbook-notices');
      await notices.getByText('已跳过工作表「说明」').waitFor();
      await notices.getByText('已跳过工作表「汇总」').waitFor();
      await notices.getByText('已按轮次').waitFor();
      // The ambiguous group opens by itself and names the viewers who share the name.
      const ambiguous = page.locator('.group-ambiguous');
      await ambiguous
        .getByText(/位观众同名「(晴天|万强)」，无法确定是哪一位/)
        .first()
        .waitFor();
      await screenshotThemes(page, 'checkin-import-preview');

      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByTestId('import-done').filter({ hasText: '已导入 3 轮签到' }).waitFor();
      await screenshotThemes(page, 'checkin-import-done');

      const db = openDatabase({ filename: join(env.dataDir, 'wecom-live.sqlite') });
      try {
        const rows = (await db('live_checkin_rounds').orderBy('round_no').select('title')) as Array<{
          title: string;
        }>;
        expect(rows.map((row) => row.title)).toEqual(['第一次签到', '第二次签到', '第三次签到']);
      } finally {
        await db.destroy();
      }

      // The rows no single viewer fits are kept and listed on the live's detail page.
      await page.getByRole('link', { name: '查看直播详情' }).click();
      await page.waitForURL(`**/live/${livingid}`);
      const panel = page.getByTestId('unmatched-panel');
      await panel.getByText('未匹配的签到（4 条）').waitFor();
      await panel.getByText('未匹配的签到（4 条）').click();
      await panel.getByText('路人甲@微信').waitFor();
      await panel.getByText('同名观众不止一位').first().waitFor();
      await screenshotThemes(page, 'live-detail-unmatched-checkins');

      // Resolving an ambiguous row: searching its name narrows both the viewers and the kept rows, the
      // user opens the row's candidates and picks one; the row leaves the list and counts as that
      // viewer's check-in.
      const ambiguousRow = panel
        .locator('ul.rows > li')
        .filter({ has: page.getByRole('button', { name: '指定观众' }) })
        .first();
      const label = (await ambiguousRow.locator('.label').first().innerText()).trim();
      // The row reads 「万强@微信」 (or with a full-width ＠): the viewers are named without the suffix.
      const name = label.split(/[@＠]/)[0] ?? label;
      await page.getByRole('textbox', { name: '搜索观众' }).fill(name);
      // The title follows the page's reload and the rows their own: read it once both answered.
      await panel.getByText('路人甲@微信').waitFor({ state: 'detached' });
      const settledUnmatched = async (): Promise<number> => {
        for (;;) {
          const title = await panel.locator('mat-panel-title').innerText();
          const shown = Number(/未匹配的签到（(\d+) 条符合搜索）/.exec(title)?.[1] ?? -1);
          if (shown === (await panel.locator('ul.rows > li').count())) return shown;
          await page.waitForTimeout(100);
        }
      };
      const before = await settledUnmatched();
      expect(before).toBeGreaterThan(0);

      const row = panel
        .locator('ul.rows > li')
        .filter({ hasText: label })
        .filter({ has: page.getByRole('button', { name: '指定观众' }) })
        .first();
      await row.getByRole('button', { name: '指定观众' }).click();
      const candidates = row.getByRole('group', { name: `「${label}」可能是以下观众` });
      const candidate = candidates.locator('li').first();
      await candidate.getByRole('button', { name: '这是他/她' }).waitFor();
      const viewerId = /(\S+) · 观看/.exec(await candidate.locator('.where').innerText())?.[1] ?? '';
      expect(viewerId).not.toBe('');
      const viewerRow = page
        .getByRole('table', { name: '观众明细' })
        .locator('tr')
        .filter({ hasText: viewerId });
      const checkinsOf = async (): Promise<number> =>
        Number(/(\d+) 次/.exec(await viewerRow.locator('td').nth(3).innerText())?.[1]);
      const checkinsBefore = await checkinsOf();
      await screenshotThemes(page, 'live-detail-checkin-candidates');

      await candidate.getByRole('button', { name: '这是他/她' }).click();
      await page.getByText(/已把这一行签到记为 .+ 的签到/).waitFor();
      await panel.getByText(`未匹配的签到（${before - 1} 条符合搜索）`).waitFor();
      await viewerRow
        .locator('td')
        .nth(3)
        .getByText(`${checkinsBefore + 1} 次`)
        .waitFor();
      await page.getByRole('textbox', { name: '搜索观众' }).fill('');
      await panel.getByText('未匹配的签到（3 条）').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screenshotThemes(page, 'live-detail-checkin-resolved');
      expect(errors).toEqual([]);
    },
    SPEC_TIMEOUT,
  );

  it(
    'refuses a broken workbook, naming the sheet and row',
    async () => {
      const { page } = await signInToCheckin();
      await pickLive(page);
      await upload(page, 'bad-time');
      await page
        .getByTestId('refusal')
        .filter({ hasText: '工作表「第三次签到」第 3 行：签到发起时间「2025.13.45 25:61」无法识别' })
        .waitFor();
      expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
      await screenshotThemes(page, 'checkin-import-refused');
    },
    SPEC_TIMEOUT,
  );
});

// How a journey starts, signs in and ends, written once: a fresh server and simulator with Chromium, a
// WeCom member's sign-in on the login page (as 王主播 by default), root-admin's sign-in into 系统设置.
import type { Browser, Page } from 'playwright-core';
import type { LoginResult } from '../../../sdk/contracts/host-status.js';
import { launchChromium, openPage, type OpenedPage } from './browser.js';
import { call, prepareCorp, startJourneyEnv, stopJourneyEnv, type JourneyEnv } from './journey-env.js';

export interface Journey {
  env: JourneyEnv;
  browser: Browser;
  /** root-admin's login (a root session for channel calls). */
  root: LoginResult;
}

/**
 * Starts the environment and Chromium; sets up root-admin with `rootPassword`, and with `corp` also
 * saves the simulator's corp as 模拟企业 (a feature journey), as `prepareCorp` does.
 */
export async function startJourney(label: string, rootPassword: string, corp = true): Promise<Journey> {
  const [env, browser] = await Promise.all([startJourneyEnv(label), launchChromium()]);
  if (corp) return { env, browser, root: await prepareCorp(env, rootPassword) };
  await call(env, 'auth.setupRoot', { password: rootPassword });
  const root = await call<LoginResult>(env, 'auth.login', { kind: 'root', password: rootPassword });
  return { env, browser, root };
}

/** Closes the pages a journey opened, then Chromium and the environment. */
export async function endJourney(
  journey: { env?: JourneyEnv | undefined; browser?: Browser | undefined },
  pages: ReadonlyArray<OpenedPage | undefined>,
): Promise<void> {
  for (const opened of pages) await opened?.context.close();
  await journey.browser?.close();
  await stopJourneyEnv(journey.env);
}

/** Opens the app in a fresh context and waits for the login page; the page joins `pages` to be closed. */
export async function openLogin(
  browser: Browser,
  env: JourneyEnv,
  pages: OpenedPage[],
  viewport?: { width: number; height: number },
): Promise<OpenedPage> {
  const opened = await openPage(browser, env.server.ready.url, viewport);
  pages.push(opened);
  await opened.page.waitForURL('**/login');
  return opened;
}

/** A WeCom member signs in on the login page of 模拟企业 and lands on 创建预约直播 (/create). */
export async function signInMember(page: Page, userid: string, name = '王主播'): Promise<void> {
  await page.getByTestId('userid').fill(userid);
  await page.getByTestId('username').fill(name);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/create');
}

/** root-admin signs in on the login page and opens 系统设置 (插件管理 first). */
export async function signInRootToSettings(page: Page, password: string): Promise<void> {
  await page.getByTestId('mode-root').click();
  await page.getByTestId('root-password').fill(password);
  await page.getByTestId('root-submit').click();
  await page.getByRole('link', { name: '系统设置' }).first().click();
  await page.waitForURL('**/settings/plugins');
}

// Chromium for the end-to-end journeys (docs/architecture.md "Toolchain": playwright-core has no runner of its own; the
// specs are jasmine specs), and screenshots of a page in its light and dark scheme.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { appRoot } from '../../../host/runtime/core/app-info.js';

export const CHROMIUM_PATH = process.env['CHROME_BIN'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(appRoot(), 'test-output', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--lang=zh-CN',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far (a journey can expect none). */
  errors: string[];
}

/**
 * A fresh context (its own storage: no session, no remembered choices) at a desktop size by default,
 * opened on `url` (browser mode's printed URL with its #token).
 */
export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<OpenedPage> {
  // Reduced motion: Material skips its transitions, so steps and dialogs are ready at once.
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/**
 * Saves `<name>-light.png` and `<name>-dark.png` in test-output/screenshots: the scheme is forced through
 * the app's html classes (html.theme-light / html.theme-dark), whatever theme was chosen, then put back.
 */
export async function screenshotThemes(page: Page, name: string, fullPage = true): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Strings, not functions: the Node side is compiled without the DOM library.
  const before = await page.evaluate<string>('document.documentElement.className');
  const paths: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.evaluate(
      `document.documentElement.classList.toggle('theme-light', ${scheme === 'light'});` +
        `document.documentElement.classList.toggle('theme-dark', ${scheme === 'dark'});`,
    );
    // Let colour transitions settle.
    await page.waitForTimeout(60);
    const path = join(SCREENSHOT_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path, fullPage, animations: 'disabled' });
    paths.push(path);
  }
  await page.evaluate(`document.documentElement.className = ${JSON.stringify(before)}`);
  return paths;
}

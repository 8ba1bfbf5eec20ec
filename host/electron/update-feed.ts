import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Overrides the feed for one run (testing a release channel). */
export const UPDATE_FEED_ENV = 'WECOM_LIVE_UPDATE_URL';
/** `<data dir>/update.json`: `{ "feedUrl": "https://updates.example.com/wecom-live/win32/x64" }`. */
export const UPDATE_FILE_NAME = 'update.json';

export interface UpdateFeed {
  /** The Squirrel.Windows feed (the folder holding RELEASES), or null: no automatic updates. */
  url: string | null;
  /** Why a configured feed was not used, for the log; null when fine or not configured. */
  problem: string | null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An update feed must be https (it delivers code); plain http only on this machine, for trials. */
export function validFeedUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return url.href.replace(/\/+$/, '');
  }
  return null;
}

/**
 * Where updates come from: env `WECOM_LIVE_UPDATE_URL`, else `feedUrl` in `<data dir>/update.json`
 * (an administrator's choice per installation), else nowhere. `readText` answers null when the file is
 * absent.
 */
export function resolveUpdateFeed(env: NodeJS.ProcessEnv, readText: () => string | null): UpdateFeed {
  const fromEnv = env[UPDATE_FEED_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const url = validFeedUrl(fromEnv);
    return url === null
      ? { url: null, problem: `${UPDATE_FEED_ENV} is not an https URL` }
      : { url, problem: null };
  }
  let text: string | null;
  try {
    text = readText();
  } catch (error) {
    return { url: null, problem: `${UPDATE_FILE_NAME} unreadable: ${(error as Error).message}` };
  }
  if (text === null) return { url: null, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { url: null, problem: `${UPDATE_FILE_NAME} is not valid JSON` };
  }
  const feedUrl =
    typeof raw === 'object' && raw !== null ? (raw as { feedUrl?: unknown }).feedUrl : undefined;
  if (feedUrl === undefined || feedUrl === null || feedUrl === '') return { url: null, problem: null };
  const url = typeof feedUrl === 'string' ? validFeedUrl(feedUrl) : null;
  return url === null
    ? { url: null, problem: `${UPDATE_FILE_NAME}: feedUrl is not an https URL` }
    : { url, problem: null };
}

/** `update.json` of a data dir, or null when there is none. */
export function readUpdateFile(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, UPDATE_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Automatic updates run only in the installed Windows app (Squirrel.Windows) with a feed, and not on
 * Squirrel's first run, when the installer still holds the update lock.
 */
export function shouldAutoUpdate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  argv: readonly string[];
  feedUrl: string | null;
}): boolean {
  return (
    options.platform === 'win32' &&
    options.isPackaged &&
    options.feedUrl !== null &&
    !options.argv.includes('--squirrel-firstrun')
  );
}

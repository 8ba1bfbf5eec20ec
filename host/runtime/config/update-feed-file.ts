// Where automatic updates come from (R1.6): env `WECOM_LIVE_UPDATE_URL`, else `feedUrl` in
// `<data dir>/update.json`. Pure Node, shared by the Electron updater (host/electron/update-feed.ts) and
// the settings channels (config-channels.ts), so both read and validate the feed the same way.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../storage/atomic-file.js';

/** Overrides the feed for one run (testing a release channel). */
export const UPDATE_FEED_ENV = 'WECOM_LIVE_UPDATE_URL';
/** `<data dir>/update.json`: `{ "feedUrl": "https://updates.example.com/wecom-live/win32/x64" }`. */
export const UPDATE_FILE_NAME = 'update.json';

export interface UpdateFeed {
  /** The Squirrel.Windows feed (the folder holding RELEASES), or null: no automatic updates. */
  url: string | null;
  /** Where the feed (or the problem) comes from. */
  source: 'env' | 'file' | 'none';
  /** Why a configured feed was not used (Chinese, for the log and the settings page); null when fine. */
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

/** Why a feed URL is refused, in Chinese; null when `validFeedUrl` accepts it. */
export function feedUrlProblem(value: string): string | null {
  if (validFeedUrl(value) !== null) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return '不是有效的网址（例如 https://updates.example.com/wecom-live/win32/x64）';
  }
  if (url.username !== '' || url.password !== '') return '网址中不能包含用户名或密码';
  if (url.protocol === 'http:') return '更新源会下发程序文件，必须使用 https（http 只允许本机地址）';
  return '只支持 https 网址';
}

/** The `feedUrl` saved in update.json text: a string, null when absent or empty; throws on bad JSON. */
function savedFeedOf(text: string): unknown {
  const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  const feedUrl =
    typeof raw === 'object' && raw !== null ? (raw as { feedUrl?: unknown }).feedUrl : undefined;
  return feedUrl === undefined || feedUrl === '' ? null : feedUrl;
}

/**
 * The effective feed: env first, else update.json (an administrator's choice per installation), else
 * none. `readText` answers null when the file is absent.
 */
export function resolveUpdateFeed(env: NodeJS.ProcessEnv, readText: () => string | null): UpdateFeed {
  const fromEnv = env[UPDATE_FEED_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const url = validFeedUrl(fromEnv);
    return url === null
      ? { url: null, source: 'env', problem: `环境变量 ${UPDATE_FEED_ENV} 不是 https 网址，未启用自动更新` }
      : { url, source: 'env', problem: null };
  }
  let text: string | null;
  try {
    text = readText();
  } catch (error) {
    return {
      url: null,
      source: 'file',
      problem: `无法读取 ${UPDATE_FILE_NAME}（${(error as Error).message}）`,
    };
  }
  if (text === null) return { url: null, source: 'none', problem: null };
  let feedUrl: unknown;
  try {
    feedUrl = savedFeedOf(text);
  } catch {
    return { url: null, source: 'file', problem: `${UPDATE_FILE_NAME} 不是有效的 JSON` };
  }
  if (feedUrl === null) return { url: null, source: 'none', problem: null };
  const url = typeof feedUrl === 'string' ? validFeedUrl(feedUrl) : null;
  return url === null
    ? { url: null, source: 'file', problem: `${UPDATE_FILE_NAME} 中的 feedUrl 不是 https 网址` }
    : { url, source: 'file', problem: null };
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

/** The feed saved in update.json as written there (null when none or unreadable). */
export function readSavedFeedUrl(dataDir: string): string | null {
  try {
    const text = readUpdateFile(dataDir);
    const feedUrl = text === null ? null : savedFeedOf(text);
    return typeof feedUrl === 'string' ? feedUrl : null;
  } catch {
    return null;
  }
}

/**
 * Saves the feed in update.json (normalised; the caller validated it), or removes the file for none.
 * Throws on an invalid URL so nothing unusable is ever written.
 */
export function writeUpdateFeed(dataDir: string, feedUrl: string | null): void {
  const file = join(dataDir, UPDATE_FILE_NAME);
  if (feedUrl === null) {
    rmSync(file, { force: true });
    return;
  }
  const url = validFeedUrl(feedUrl);
  if (url === null) throw new Error(`invalid update feed: ${feedUrl}`);
  writeFileAtomically(file, `${JSON.stringify({ feedUrl: url }, null, 2)}\n`);
}

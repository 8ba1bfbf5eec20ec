import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { safeSegments } from '../serve/static-files.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';

/** What an `app://` request maps to inside the Angular build. */
export type AppAsset =
  | { kind: 'file'; path: string }
  /** No build yet (`npm run build` not run): the caller shows a short explanation. */
  | { kind: 'notBuilt' }
  | { kind: 'notFound' }
  /** Encodings, NUL bytes, backslashes or `..` that could leave the build folder. */
  | { kind: 'badRequest' };

/** A regular file inside `root`, symlinks resolved, or null. */
async function fileInside(root: string, path: string): Promise<string | null> {
  try {
    const [real, realRoot] = await Promise.all([realpath(path), realpath(root)]);
    if (!real.startsWith(realRoot + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Resolves an `app://wecom-live/<path>` URL to a file of the build in `uiDir`, the same way browser
 * mode serves it: files as they are, index.html for client-side routes (SPA fallback) — a request that
 * wants HTML or names no file extension — and nothing outside the folder.
 */
export async function resolveAppAsset(url: string, uiDir: string, wantsHtml: boolean): Promise<AppAsset> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'badRequest' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'notFound' };
  const segments = safeSegments(parsed.pathname);
  if (segments === null) return { kind: 'badRequest' };
  const root = resolve(uiDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return { kind: 'notBuilt' };
  if (segments.length === 0) return { kind: 'file', path: index };
  const file = await fileInside(root, join(root, ...segments));
  if (file !== null) return { kind: 'file', path: file };
  const last = segments[segments.length - 1] ?? '';
  return wantsHtml || extname(last) === '' ? { kind: 'file', path: index } : { kind: 'notFound' };
}

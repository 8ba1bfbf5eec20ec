import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from './content-types.js';
import { setSecurityHeaders } from './http-responses.js';
import { notBuiltPage } from './not-built-page.js';

function sendText(res: ServerResponse, status: number, type: string, text: string, head: boolean): void {
  res.statusCode = status;
  setSecurityHeaders(res);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-cache');
  res.end(head ? undefined : text);
}

function acceptsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/** The URL path as a list of safe segments, or null for encodings and `..` that could leave the root. */
export function safeSegments(pathname: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? null : segments;
}

/**
 * The public Angular build: files under `uiDir`, index.html for client-side routes (SPA fallback), and
 * a short Chinese page when no build is present yet.
 */
export class StaticFiles {
  private readonly root: string;

  constructor(
    uiDir: string,
    private readonly port: () => number,
  ) {
    this.root = resolve(uiDir);
  }

  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const head = req.method === 'HEAD';
    const segments = safeSegments(pathname);
    if (segments === null) {
      sendText(res, 400, 'text/plain; charset=utf-8', '路径无效。', head);
      return;
    }
    const index = join(this.root, 'index.html');
    if (!existsSync(index)) {
      if (segments.length === 0 || acceptsHtml(req)) {
        sendText(res, 200, 'text/html; charset=utf-8', notBuiltPage(this.port()), head);
      } else {
        sendText(res, 404, 'text/plain; charset=utf-8', '未找到。', head);
      }
      return;
    }
    const file = segments.length === 0 ? index : await this.existingFile(join(this.root, ...segments));
    if (file !== null) await this.sendFile(res, file, head);
    else if (acceptsHtml(req)) await this.sendFile(res, index, head);
    else sendText(res, 404, 'text/plain; charset=utf-8', '未找到。', head);
  }

  /** A regular file inside the root, symlinks resolved, or null. */
  private async existingFile(path: string): Promise<string | null> {
    try {
      const [real, realRoot] = await Promise.all([realpath(path), realpath(this.root)]);
      if (!real.startsWith(realRoot + sep)) return null;
      return (await stat(real)).isFile() ? real : null;
    } catch {
      return null;
    }
  }

  private async sendFile(res: ServerResponse, path: string, head: boolean): Promise<void> {
    const { size } = await stat(path);
    res.statusCode = 200;
    setSecurityHeaders(res);
    res.setHeader('Content-Type', contentTypeFor(path));
    res.setHeader('Content-Length', size);
    // Revalidate: a rebuilt UI must not mix with cached chunks of the previous build.
    res.setHeader('Cache-Control', 'no-cache');
    if (head) {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(path), res);
    } catch {
      res.destroy();
    }
  }
}

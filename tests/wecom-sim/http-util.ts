import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies beyond this are not kept (the largest legitimate one is a 20 MB media upload plus framing). */
export const MAX_BODY_BYTES = 21 * 1024 * 1024;

export interface ReadBody {
  body: Buffer;
  /** The body was larger than the cap; what was read is discarded. */
  tooLarge: boolean;
}

export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The caller's address as WeCom prints it after "from ip:" (IPv4-mapped IPv6 unwrapped). */
export function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

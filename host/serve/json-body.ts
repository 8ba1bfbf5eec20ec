import type { IncomingMessage } from 'node:http';

export type JsonBody =
  { kind: 'ok'; value: unknown } | { kind: 'tooLarge' } | { kind: 'invalid' } | { kind: 'aborted' };

/**
 * Reads a JSON request body of at most `maxBytes`. An empty body is `undefined` (the router reads it as
 * `{}`). Oversized bodies stop being buffered at once; the rest is drained so the client sees the 413.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ kind: 'tooLarge' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        resolve({ kind: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' });
    });
    req.on('end', () => {
      if (tooLarge) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({ kind: 'ok', value: undefined });
        return;
      }
      try {
        resolve({ kind: 'ok', value: JSON.parse(text) as unknown });
      } catch {
        resolve({ kind: 'invalid' });
      }
    });
  });
}

// Reads a browser-mode Server-Sent Events stream incrementally, for specs.
import { request, type IncomingMessage } from 'node:http';
import type { ServeProcess } from './serve-process.js';

/** An open event stream read incrementally. */
export interface OpenStream {
  res: IncomingMessage;
  text(): string;
  waitForText(fragment: string, timeoutMs?: number): Promise<void>;
  ended: Promise<void>;
}

export function openEvents(server: ServeProcess, ticket: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.base}/events?ticket=${encodeURIComponent(ticket)}`, (res) => {
      let text = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const waiter of waiters.splice(0)) waiter();
      });
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({
        res,
        text: () => text,
        ended,
        async waitForText(fragment, timeoutMs = 5000) {
          const started = Date.now();
          while (!text.includes(fragment)) {
            if (Date.now() - started > timeoutMs) throw new Error(`"${fragment}" not seen; got: ${text}`);
            await Promise.race([new Promise<void>((done) => waiters.push(done)), ended, delay(100)]);
          }
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The bench's separate processes: the WeCom simulator and browser mode, each started from dist/ and
// ready once it printed its JSON ready line. Keeping them out of the bench process means a figure
// measured here is the product's own (the simulator's work does not share the product's event loop).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Child<R> {
  ready: R;
  /** CPU seconds the process has used so far (user + system), or null where /proc is not there. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command (which may hold spaces) start at state; utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function spawnReady<R>(entry: string, args: string[]): Promise<Child<R>> {
  // BENCH_SERVE_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles browser mode only.
  const nodeArgs =
    entry.startsWith('host') && process.env['BENCH_SERVE_NODE_ARGS']
      ? process.env['BENCH_SERVE_NODE_ARGS'].split(' ').filter((arg) => arg !== '')
      : [];
  const child = spawn(process.execPath, [...nodeArgs, join(distRoot, entry), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  // Kept for the error below; the children's own status lines would clutter the report.
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<R>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(JSON.parse(line) as R));
    child.once('exit', (code) =>
      reject(new Error(`${entry} exited with ${code} before it was ready: ${stderr}`)),
    );
  });
  return {
    ready,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

export interface SimReady {
  url: string;
  corpid: string;
  corpsecret: string;
  agentid: number;
}

export function spawnSimulator(args: string[]): Promise<Child<SimReady>> {
  return spawnReady<SimReady>(join('tests', 'wecom-sim', 'main.js'), ['--port', '0', ...args]);
}

export interface ServeReady {
  port: number;
  token: string;
}

/** Browser mode on `dataDir`, its WeCom calls sent to `wecomBaseUrl`. */
export function spawnServe(dataDir: string, wecomBaseUrl?: string): Promise<Child<ServeReady>> {
  const args = ['--data-dir', dataDir, '--port', '0'];
  if (wecomBaseUrl !== undefined) args.push('--wecom-base-url', wecomBaseUrl);
  return spawnReady<ServeReady>(join('host', 'serve', 'main.js'), args);
}

/** `POST /rpc/<channel>` to browser mode; throws on an error answer. */
export async function rpc<T>(
  server: ServeReady,
  channel: string,
  input: unknown = {},
  session?: string,
): Promise<T> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${server.token}`,
    'content-type': 'application/json',
  };
  if (session !== undefined) headers['x-session'] = session;
  const response = await fetch(`http://127.0.0.1:${server.port}/rpc/${channel}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message}`);
  return body.data;
}

/** The simulator's admin API (`/__sim/...`). */
export async function simAdmin<T>(sim: SimReady, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Browser mode's event stream as the UI opens it (`POST /events/ticket`, then `GET /events?ticket=`):
 * `next(match)` answers the first event, from now on, whose `{type, payload}` `match` accepts.
 */
export interface EventStream {
  next<T>(match: (type: string, payload: unknown) => T | undefined): Promise<T>;
  close(): void;
}

export async function openEventStream(server: ServeReady, session: string): Promise<EventStream> {
  const ticket = await fetch(`http://127.0.0.1:${server.port}/events/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'x-session': session },
  });
  const answer = (await ticket.json()) as { ok: boolean; data?: { ticket: string } };
  if (!answer.ok || answer.data === undefined) throw new Error('events/ticket refused');
  const aborted = new AbortController();
  const response = await fetch(
    `http://127.0.0.1:${server.port}/events?ticket=${encodeURIComponent(answer.data.ticket)}`,
    { signal: aborted.signal },
  );
  if (response.status !== 200 || response.body === null) throw new Error(`events: HTTP ${response.status}`);
  const waiters = new Set<(type: string, payload: unknown) => boolean>();
  const failures = new Set<(error: Error) => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        // One unnamed message per event: a single `data:` line, then a blank line.
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const message = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data: '));
          if (data === undefined) continue;
          const event = JSON.parse(data.slice('data: '.length)) as { type: string; payload: unknown };
          for (const waiter of [...waiters]) if (waiter(event.type, event.payload)) waiters.delete(waiter);
        }
      }
      throw new Error('event stream ended');
    } catch (error) {
      for (const fail of failures) fail(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return {
    next<T>(match: (type: string, payload: unknown) => T | undefined): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        failures.add(reject);
        waiters.add((type, payload) => {
          const found = match(type, payload);
          if (found === undefined) return false;
          failures.delete(reject);
          resolve(found);
          return true;
        });
      });
    },
    close: () => aborted.abort(),
  };
}

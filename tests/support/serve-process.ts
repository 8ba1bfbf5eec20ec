// Spawns browser mode (`node dist/host/serve/main.js`) for specs, reads its ready line, and makes sure no
// server outlives the test run (docs/architecture.md "Toolchain": spawn the built entry directly, never through npm).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../../host/runtime/core/app-info.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';

export const SERVE_ENTRY = join(appRoot(), 'dist', 'host', 'serve', 'main.js');

export interface ReadyLine {
  event: 'ready';
  url: string;
  port: number;
  token: string;
}

export interface ServeProcess {
  child: ChildProcess;
  ready: ReadyLine;
  /** `http://127.0.0.1:<port>` */
  base: string;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const live = new Set<ChildProcess>();
// Last resort when a spec forgot to stop its server: never leave one running after the test process.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Starts browser mode and resolves once it printed its ready line. */
export function spawnServe(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 20_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SERVE_ENTRY, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line within ${timeoutMs} ms; stderr: ${err}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code} before it was ready; stderr: ${err}`));
    });
    child.stdout.on('data', (chunk: string) => {
      const before = out;
      out += chunk;
      if (before.includes('\n') || !out.includes('\n')) return;
      clearTimeout(timer);
      let ready: ReadyLine;
      try {
        ready = JSON.parse(out.slice(0, out.indexOf('\n'))) as ReadyLine;
      } catch {
        reject(new Error(`the first stdout line is not JSON: ${out}`));
        return;
      }
      resolve({
        child,
        ready,
        base: `http://127.0.0.1:${ready.port}`,
        stdout: () => out,
        stderr: () => err,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited(child);
        },
      });
    });
  });
}

/** Runs browser mode expecting it to exit by itself (refused starts). */
export function runServeToExit(
  args: string[],
  timeoutMs = 20_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [SERVE_ENTRY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** `POST /rpc/<channel>` with the server token and, when given, the session. */
export async function rpc(
  server: ServeProcess,
  channel: string,
  input: unknown = {},
  session?: string,
): Promise<{ status: number; body: RpcResult }> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${server.ready.token}`,
    'content-type': 'application/json',
  };
  if (session !== undefined) headers['x-session'] = session;
  const response = await fetch(`${server.base}/rpc/${channel}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as RpcResult };
}

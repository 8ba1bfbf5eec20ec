// Runtime figures later work is compared to: cold start to ready, and RPC round trips over HTTP.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { HostRuntime } from '../host/runtime/core/host-runtime.js';
import { median, type BenchSection } from './report.js';

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtInPlugins = join(distRoot, 'plugins');

async function coldStartMs(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecom-live-bench-'));
  try {
    const started = performance.now();
    const runtime = await HostRuntime.start({ dataDir, pluginDirs: [builtInPlugins] });
    const elapsed = performance.now() - started;
    await runtime.stop();
    return elapsed;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Ready {
  url: string;
  port: number;
  token: string;
}

/** Spawns browser mode and measures `host.status` round trips per second with a few callers in flight. */
async function rpcPerSecond(calls: number, inFlight: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecom-live-bench-http-'));
  const child = spawn(
    process.execPath,
    [join(distRoot, 'host', 'serve', 'main.js'), '--data-dir', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        if (line.startsWith('{')) resolve(JSON.parse(line) as Ready);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const endpoint = `http://127.0.0.1:${ready.port}/rpc/host.status`;
    const headers = { authorization: `Bearer ${ready.token}`, 'content-type': 'application/json' };
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < calls) {
          next += 1;
          const response = await fetch(endpoint, { method: 'POST', headers, body: '{}' });
          await response.json();
        }
      }),
    );
    return (calls / (performance.now() - started)) * 1000;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchRuntime(): Promise<BenchSection> {
  const starts: number[] = [];
  for (let run = 0; run < 5; run += 1) starts.push(await coldStartMs());
  const rates: number[] = [];
  for (let run = 0; run < 3; run += 1) rates.push(await rpcPerSecond(2000, 8));
  return {
    title: 'Runtime',
    rows: [
      ['cold start to ready (median of 5)', `${median(starts).toFixed(1)} ms`],
      ['RPC round trips over HTTP (median of 3 × 2000, 8 in flight)', `${median(rates).toFixed(0)} /s`],
    ],
  };
}

/**
 * The big store the query benches share: seeded once into a real data dir (migrations of the host and
 * the built-in plugins run through a HostRuntime), then served in browser mode by `dist/host/serve` in a
 * child process, so every figure is a real RPC over HTTP with a real session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CorpStore } from '../host/runtime/accounts/corp-store.js';
import { HostRuntime } from '../host/runtime/core/host-runtime.js';
import { SessionService } from '../host/runtime/accounts/session-service.js';
import type { RpcResult } from '../sdk/contracts/rpc.js';
import { DEFAULT_SEED, seedStore, type SeededStore, type SeedOptions } from '../tests/support/seed-store.js';

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BigStore {
  seeded: SeededStore;
  seedSeconds: number;
  /** One RPC over HTTP as the signed-in member; resolves with the envelope and the round-trip time. */
  call(channel: string, input: unknown): Promise<{ result: RpcResult; ms: number }>;
  close(): Promise<void>;
}

export async function openBigStore(options: SeedOptions = DEFAULT_SEED): Promise<BigStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wecom-live-bench-store-'));
  const started = performance.now();
  const runtime = await HostRuntime.start({
    dataDir,
    pluginDirs: [join(distRoot, 'plugins')],
    onlineSampleTimer: false,
  });
  let session: string;
  let seeded: SeededStore;
  try {
    const corp = await runtime.container.resolve(CorpStore).save(
      {
        corpname: '基准企业',
        corpid: 'wwbench0001',
        corpsecret: 'BenchSecret_0123456789abcdef',
        agentid: 1000002,
      },
      '直播助手',
    );
    seeded = await seedStore(runtime.db, corp.corpId, options);
    const [userId] = (await runtime.db('users').insert({
      corp_id: corp.corpId,
      userid: 'liwei',
      username: '李伟',
      tier: 'user',
      created_at: Date.now(),
    })) as number[];
    session = (await runtime.container.resolve(SessionService).create(userId ?? 0, corp.corpId, 'user'))
      .token;
  } finally {
    await runtime.stop();
  }
  const seedSeconds = (performance.now() - started) / 1000;
  const child = spawn(
    process.execPath,
    [join(distRoot, 'host', 'serve', 'main.js'), '--data-dir', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const ready = await readyLine(child);
  const headers = {
    authorization: `Bearer ${ready.token}`,
    'x-session': session,
    'content-type': 'application/json',
  };
  return {
    seeded,
    seedSeconds,
    async call(channel, input) {
      const begun = performance.now();
      const response = await fetch(`http://127.0.0.1:${ready.port}/rpc/${channel}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as RpcResult;
      return { result, ms: performance.now() - begun };
    },
    async close() {
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyLine(child: ChildProcess): Promise<{ port: number; token: string }> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { port: number; token: string });
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
}

/** The p-th percentile (0–100) of some timings, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Times `calls` RPCs one after another; throws on an error answer (a figure of a failure is no figure). */
export async function timeCalls(
  store: BigStore,
  channel: string,
  inputs: readonly unknown[],
  rounds: number,
): Promise<number[]> {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) {
      const { result, ms } = await store.call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      timings.push(ms);
    }
  }
  return timings;
}

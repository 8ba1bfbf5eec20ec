// What a login or wizard journey needs around the browser: the WeCom simulator (in-process), a local
// stand-in for the public-IP services, and browser mode on a fresh data folder pointed at both.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LoginResult } from '../../../sdk/contracts/host-status.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { removeDir, tempDataDir } from '../../support/runtime-harness.js';
import { rpc, spawnServe, type ServeProcess } from '../../support/serve-process.js';
import { startSimulator, type RunningSimulator } from '../../wecom-sim/server.js';

/** The IP the stand-in public-IP service reports (TEST-NET-3, never a real host). */
export const DETECTED_IP = '203.0.113.77';

export interface JourneyEnv {
  sim: RunningSimulator;
  server: ServeProcess;
  dataDir: string;
  ipService: Server;
}

export async function startJourneyEnv(label: string): Promise<JourneyEnv> {
  const sim = await startSimulator({ port: 0, seed: 11, lives: 12, viewers: 20, members: 10 });
  const ipService = createServer((_req, res) => res.end(`${DETECTED_IP}\n`));
  await new Promise<void>((resolve) => ipService.listen(0, '127.0.0.1', resolve));
  const dataDir = tempDataDir(label);
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({ publicIpServices: [`http://127.0.0.1:${(ipService.address() as AddressInfo).port}/`] }),
  );
  const server = await spawnServe(['--data-dir', dataDir, '--port', '0', '--wecom-base-url', sim.url]);
  return { sim, server, dataDir, ipService };
}

export async function stopJourneyEnv(env: JourneyEnv | undefined): Promise<void> {
  if (env === undefined) return;
  await env.server.stop();
  await env.sim.close();
  await new Promise((resolve) => env.ipService.close(resolve));
  removeDir(env.dataDir);
}

/** A channel's data over HTTP; throws with the host's code and message otherwise. */
export async function call<T>(
  env: JourneyEnv,
  channel: string,
  input: unknown = {},
  session?: string,
): Promise<T> {
  const { body } = await rpc(env.server, channel, input, session);
  if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message}`);
  return (body as Extract<RpcResult, { ok: true }>).data as T;
}

/** The simulator's admin API (`/__sim/...`), e.g. faults. */
export async function simAdmin(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${sim.url}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return response.json();
}

/** Sets up root-admin and saves the simulator's corp as 模拟企业, as a feature journey starts; root's login. */
export async function prepareCorp(env: JourneyEnv, rootPassword: string): Promise<LoginResult> {
  await call(env, 'auth.setupRoot', { password: rootPassword });
  const root = await call<LoginResult>(env, 'auth.login', { kind: 'root', password: rootPassword });
  await call(
    env,
    'corps.save',
    {
      corpname: '模拟企业',
      corpid: env.sim.corpid,
      corpsecret: env.sim.corpsecret,
      agentid: env.sim.agentid,
    },
    root.session,
  );
  return root;
}

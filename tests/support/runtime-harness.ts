// Starts real HostRuntimes on temp data dirs for specs, and opens sessions of any tier.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoginResult, SessionUser } from '../../sdk/contracts/host-status.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { HostRuntime } from '../../host/runtime/core/host-runtime.js';
import type { Clock, RuntimeOptions } from '../../host/runtime/core/runtime-options.js';
import { SessionService } from '../../host/runtime/accounts/session-service.js';
import { CorpStore } from '../../host/runtime/accounts/corp-store.js';

/** dist/tests/fixtures/plugins: the compiled fixture plugins with their manifests. */
export const FIXTURE_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plugins');

export function tempDataDir(label = 'rt'): string {
  return mkdtempSync(join(tmpdir(), `wecom-live-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startRuntime(
  dataDir: string,
  options: Partial<RuntimeOptions> = {},
  clock?: Clock,
): Promise<HostRuntime> {
  return HostRuntime.start(
    {
      dataDir,
      pluginDirs: [FIXTURE_PLUGINS],
      schedulerPollMs: 50,
      jobRetryBaseMs: 50,
      // No background sampling unless a spec asks for it: it would add WeCom calls other specs count.
      onlineSampleTimer: false,
      ...options,
    },
    clock,
  );
}

/** Creates an account of the tier directly in the database and opens a session for it. */
export async function sessionFor(
  runtime: HostRuntime,
  tier: SessionUser['tier'],
  userid = `${tier}-${Math.random().toString(36).slice(2, 8)}`,
  corpId: string | null = null,
): Promise<string> {
  const [id] = (await runtime.db('users').insert({
    corp_id: corpId,
    userid,
    username: userid,
    tier,
    created_at: Date.now(),
  })) as number[];
  const { token } = await runtime.container.resolve(SessionService).create(id as number, corpId, tier);
  return token;
}

/**
 * Saves a corp app (as a WeCom login would) and opens a session of the tier inside it; `userid` gives
 * the account a userid that may also exist in another corp.
 */
export async function corpSessionFor(
  runtime: HostRuntime,
  tier: 'user' | 'wecom-admin',
  userid?: string,
): Promise<string> {
  const corp = await runtime.container.resolve(CorpStore).save(
    {
      corpname: `企业${Math.random().toString(36).slice(2, 6)}`,
      corpid: `wwtest${Date.now()}`,
      corpsecret: 'TestSecret_0123456789abcdef',
      agentid: 1000002,
    },
    '测试应用',
  );
  return sessionFor(runtime, tier, userid, corp.corpId);
}

/** What a WeCom login needs of the simulator (`RunningSimulator`). */
export interface SimCorpApp {
  corpid: string;
  corpsecret: string;
  agentid: number;
}

/**
 * Saves the simulator's corp app through a real `auth.login` of kind `newCorp` (gettoken and agent/get
 * against the simulator), as a user would on the login page; answers the corp's internal corpId.
 */
export async function loginSimCorp(
  runtime: HostRuntime,
  sim: SimCorpApp,
  corpname = '模拟企业',
): Promise<string> {
  const login = dataOf<LoginResult>(
    await runtime.router.dispatch(
      'auth.login',
      {
        kind: 'newCorp',
        corpname,
        corpid: sim.corpid,
        corpsecret: sim.corpsecret,
        agentid: sim.agentid,
        userid: 'first-user',
      },
      null,
    ),
  );
  return login.corp?.corpId ?? '';
}

/** The data of an ok result, or a failed expectation naming the error. */
export function dataOf<T>(result: RpcResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

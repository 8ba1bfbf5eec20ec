import { startSimulator, type RunningSimulator } from '../../../tests/wecom-sim/server.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import { CorpStore } from '../accounts/corp-store.js';
import type { HostRuntime } from '../core/host-runtime.js';

describe('ctx.wecom: a plugin calls WeCom through the gateway of the caller’s corp', () => {
  let sim: RunningSimulator;
  let dataDir: string;
  let runtime: HostRuntime;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 3, lives: 11, viewers: 10, members: 8 });
    dataDir = tempDataDir('plugin-wecom');
    runtime = await startRuntime(dataDir, { wecomBaseUrl: sim.url });
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
    await sim.close();
  });

  it('answers from the simulator for a corp session and refuses a session without a corp', async () => {
    const corp = await runtime.container
      .resolve(CorpStore)
      .save({ corpname: '模拟', corpid: sim.corpid, corpsecret: sim.corpsecret, agentid: sim.agentid }, '');
    const inCorp = await sessionFor(runtime, 'user', 'wangwu', corp.corpId);
    const answer = dataOf<{ appName: string }>(await runtime.router.dispatch('notes.appName', {}, inCorp));
    expect(answer.appName.length).toBeGreaterThan(0);
    const root = await sessionFor(runtime, 'root-admin', 'root-x');
    const refused = await runtime.router.dispatch('notes.appName', {}, root);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

import type { BusEvent } from '../core/event-bus.js';
import { canReceive } from '../core/event-bus.js';
import type { WeComConnectionState } from '../../../sdk/contracts/wecom-connection.js';
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
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
import { WeComGateways } from './wecom-gateways.js';

describe('wecom.connection: the shell’s WeCom state of the caller’s corp, from what the gateway sees', () => {
  let sim: RunningSimulator;
  let admin: SimClient;
  let dataDir: string;
  let runtime: HostRuntime;
  let events: BusEvent[];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 5, lives: 4, viewers: 10, members: 6 });
    admin = new SimClient(sim);
    dataDir = tempDataDir('wecom-connection');
    runtime = await startRuntime(dataDir, {
      wecomBaseUrl: sim.url,
      wecomGateway: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    });
    runtime.events.all().subscribe((event) => {
      if (event.type === 'wecom.connection') events.push(event);
    });
  });

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
    await sim.close();
  });

  beforeEach(async () => {
    events = [];
    await admin.admin('DELETE', 'faults');
  });

  /** The simulator's corp (saved again with `secret`, its gateway and state dropped) or another corpid. */
  async function corpSession(
    secret = sim.corpsecret,
    corpid = sim.corpid,
  ): Promise<{ corpId: string; session: string }> {
    const corp = await runtime.container
      .resolve(CorpStore)
      .save({ corpname: `连接${corpid.slice(-6)}`, corpid, corpsecret: secret, agentid: sim.agentid }, '');
    runtime.container.resolve(WeComGateways).invalidate(corp.corpId);
    return { corpId: corp.corpId, session: await sessionFor(runtime, 'user', undefined, corp.corpId) };
  }

  async function read(channel: string, session: string): Promise<WeComConnectionState> {
    return dataOf<WeComConnectionState>(await runtime.router.dispatch(channel, {}, session));
  }

  it('is unknown before any call, ok with the last success time after one, and pushed to that corp only', async () => {
    const { corpId, session } = await corpSession();
    expect((await read('wecom.connection', session)).kind).toBe('unknown');
    const checked = await read('wecom.connection.check', session);
    expect(checked.kind).toBe('ok');
    expect(checked.lastOkAt).not.toBeNull();
    expect(await read('wecom.connection', session)).toEqual(checked);
    const pushed = events.find((event) => (event.payload as WeComConnectionState).corpId === corpId);
    expect(pushed).toBeDefined();
    const member = { user: { userid: 'm', username: 'm', tier: 'user' as const } };
    expect(canReceive(pushed as BusEvent, { ...member, corpId })).toBeTrue();
    expect(canReceive(pushed as BusEvent, { ...member, corpId: 'another-corp' })).toBeFalse();
    expect(
      canReceive(pushed as BusEvent, {
        user: { userid: 'r', username: 'r', tier: 'root-admin' },
        corpId: null,
      }),
    ).toBeFalse();
  });

  it('turns to ipNotAllowed with the IP WeCom saw when WeCom answers 60020, and back to ok after', async () => {
    const { session } = await corpSession();
    await read('wecom.connection.check', session);
    await admin.admin('POST', 'faults', { api: 'agent/get', errcode: 60020, ip: '203.0.113.77', times: 1 });
    const refused = await read('wecom.connection.check', session);
    expect(refused.kind).toBe('ipNotAllowed');
    expect(refused.ip).toBe('203.0.113.77');
    expect(refused.lastOkAt).not.toBeNull();
    const again = await read('wecom.connection.check', session);
    expect(again.kind).toBe('ok');
    expect(events.map((event) => (event.payload as WeComConnectionState).kind)).toEqual(
      jasmine.arrayContaining(['ok', 'ipNotAllowed']),
    );
  });

  it('turns to tokenRefused with the errcode when gettoken refuses the secret', async () => {
    const { session } = await corpSession('WrongSecret_0123456789abcdef');
    const state = await read('wecom.connection.check', session);
    expect(state.kind).toBe('tokenRefused');
    expect(state.errcode).toBe(40001);
    expect(state.lastOkAt).toBeNull();
  });

  it('turns to unreachable when the connection drops', async () => {
    const { session } = await corpSession();
    await read('wecom.connection.check', session);
    await admin.admin('POST', 'faults', { api: 'agent/get', drop: true, times: 5 });
    const state = await read('wecom.connection.check', session);
    expect(state.kind).toBe('unreachable');
    expect(state.failure).not.toBeNull();
  });

  it('answers each session its own corp’s state and refuses a session without a corp', async () => {
    const good = await corpSession();
    const bad = await corpSession('WrongSecret_0123456789abcdef', 'wwnotthesimulatorcorp');
    await read('wecom.connection.check', good.session);
    await read('wecom.connection.check', bad.session);
    expect((await read('wecom.connection', good.session)).corpId).toBe(good.corpId);
    expect((await read('wecom.connection', good.session)).kind).toBe('ok');
    expect((await read('wecom.connection', bad.session)).corpId).toBe(bad.corpId);
    expect((await read('wecom.connection', bad.session)).kind).toBe('tokenRefused');
    const root = await sessionFor(runtime, 'root-admin');
    const refused = await runtime.router.dispatch('wecom.connection', {}, root);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});

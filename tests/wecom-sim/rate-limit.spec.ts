import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient } from './spec-client.js';

describe('wecom-sim rate limits and counters', () => {
  let sim: RunningSimulator;
  let client: SimClient;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 17, lives: 12, viewers: 50, members: 10 });
    client = new SimClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => client.admin('POST', 'reset'));

  it('answers 45009 over the per-API limit and counts it', async () => {
    const token = await client.token();
    await client.admin('POST', 'config', { rateLimits: { perApiPerMinute: 3 } });
    const call = (): Promise<{ errcode: number; errmsg: string }> =>
      client.get('agent/get', { agentid: '1000002', access_token: token });
    for (let i = 0; i < 3; i += 1) expect((await call()).errcode).toBe(0);
    const limited = await call();
    expect(limited.errcode).toBe(45009);
    expect(limited.errmsg).toMatch(/^api freq out of limit, hint: /);
    // Another API has its own budget.
    expect(
      (
        await client.get('user/get', {
          userid: (await client.data()).specials.mainAnchorUserid,
          access_token: token,
        })
      ).errcode,
    ).toBe(0);
    const counters = await client.counters();
    expect(counters.rateLimited).toBe(1);
    expect(counters.calls['agent/get']).toBe(4);
  });

  it('answers 45009 over the per-corp limit', async () => {
    const token = await client.token();
    await client.admin('POST', 'config', { rateLimits: { perCorpPerMinute: 2 } });
    expect((await client.get('agent/get', { agentid: '1000002', access_token: token })).errcode).toBe(0);
    expect((await client.get('user/get', { userid: 'x', access_token: token })).errcode).toBe(60111);
    expect((await client.get('agent/get', { agentid: '1000002', access_token: token })).errcode).toBe(45009);
    await client.admin('POST', 'config', { rateLimits: { perCorpPerMinute: null } });
    expect((await client.get('agent/get', { agentid: '1000002', access_token: token })).errcode).toBe(0);
  });

  it('counts calls, gettoken and concurrency, and resets the counters', async () => {
    const token = await client.token();
    await client.admin('POST', 'config', { latencyMs: 150 });
    await Promise.all(
      Array.from({ length: 6 }, () => client.get('agent/get', { agentid: '1000002', access_token: token })),
    );
    const counters = await client.counters();
    expect(counters.gettoken).toBe(1);
    expect(counters.calls).toEqual({ gettoken: 1, 'agent/get': 6 });
    expect(counters.maxConcurrency).toBe(6);
    expect(counters.inFlight).toBe(0);

    await client.admin('POST', 'counters/reset');
    expect(await client.counters()).toEqual({
      calls: {},
      gettoken: 0,
      maxConcurrency: 0,
      inFlight: 0,
      rateLimited: 0,
    });
  });
});

import { WeComConfigError, WeComError } from './errors.js';
import { rejectionOf, startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

describe('WeComGateway tokens (simulator)', () => {
  let fx: SimFixture;
  let data: DataSummary;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 12, viewers: 50, members: 10 });
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    data = await fx.client.data();
  });

  it('shares one gettoken among 100 concurrent calls', async () => {
    const gateway = fx.gateway();
    const livingid = data.specials.endedLivingid;
    const infos = await Promise.all(Array.from({ length: 100 }, () => gateway.getLivingInfo(livingid)));
    expect(infos.length).toBe(100);
    const counters = await fx.client.counters();
    expect(counters.gettoken).toBe(1);
    expect(counters.calls['living/get_living_info']).toBe(100);
  });

  it('refreshes once when the token expires mid-run, and every call succeeds', async () => {
    const gateway = fx.gateway();
    const livingid = data.specials.endedLivingid;
    await Promise.all(Array.from({ length: 20 }, () => gateway.getLivingInfo(livingid)));
    await fx.client.admin('POST', 'tokens', { action: 'expire' });
    const results = await Promise.all(Array.from({ length: 50 }, () => gateway.getLivingInfo(livingid)));
    expect(results.every((info) => info.theme !== '')).toBeTrue();
    expect((await fx.client.counters()).gettoken).toBe(2);
    expect(gateway.stats().errcodes['42001']).toBeGreaterThan(0);
  });

  it('refreshes once when the token is invalidated mid-run (40014)', async () => {
    const gateway = fx.gateway();
    const livingid = data.specials.endedLivingid;
    await gateway.getLivingInfo(livingid);
    const first = fx.client.admin('POST', 'tokens', { action: 'invalidate' });
    const calls = Array.from({ length: 30 }, () => gateway.getWatchStat(livingid));
    await first;
    await Promise.all(calls);
    await Promise.all(Array.from({ length: 30 }, () => gateway.getLivingInfo(livingid)));
    expect((await fx.client.counters()).gettoken).toBe(2);
  });

  it('refreshes when the simulated clock passes the token lifetime', async () => {
    const gateway = fx.gateway();
    await gateway.getLivingInfo(data.specials.endedLivingid);
    await fx.client.admin('POST', 'clock', { advanceSeconds: 7300 });
    await gateway.getLivingInfo(data.specials.endedLivingid);
    expect((await fx.client.counters()).gettoken).toBe(2);
  });

  it('reports a wrong secret as WECOM_CONFIG_INVALID corpsecret', async () => {
    const gateway = fx.gateway({ corpsecret: 'not-the-secret-of-this-app' });
    const error = (await rejectionOf(gateway.getLivingInfo('x'))) as WeComError;
    expect(error.code).toBe('WECOM_CONFIG_INVALID');
    expect(error.details?.['field']).toBe('corpsecret');
    expect((await fx.client.counters()).gettoken).toBe(1);
  });

  it('reports a wrong corpid as WECOM_CONFIG_INVALID corpid', async () => {
    const error = (await rejectionOf(fx.gateway({ corpid: 'wwnotacorp000000' }).getToken())) as WeComError;
    expect(error.code).toBe('WECOM_CONFIG_INVALID');
    expect(error.details?.['field']).toBe('corpid');
  });

  it('checks the agentid with agent/get', async () => {
    const agent = await fx.gateway().getAgent();
    expect(agent.agentid).toBe(data.agentid);
    const wrong = (await rejectionOf(fx.gateway({ agentid: 999_999 }).getAgent())) as WeComError;
    expect(wrong.code).toBe('WECOM_CONFIG_INVALID');
    expect(wrong.details?.['field']).toBe('agentid');
    const summary = (await fx.client.admin('GET', 'data')) as { otherAgentids: number[] };
    const other = summary.otherAgentids[0];
    if (other !== undefined) {
      const foreign = await rejectionOf(fx.gateway({ agentid: other }).getAgent());
      expect(foreign).toBeInstanceOf(WeComConfigError);
      expect((foreign as WeComConfigError).field).toBe('agentid');
    }
  });
});

import { startSimulator, type RunningSimulator } from './server.js';
import { ERRMSG_PATTERN, SimClient } from './spec-client.js';

describe('wecom-sim tokens and agent/get', () => {
  let sim: RunningSimulator;
  let client: SimClient;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, lives: 12, viewers: 50, members: 10 });
    client = new SimClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => client.admin('POST', 'reset'));

  it('hands out a token, the same one while it is valid', async () => {
    const query = { corpid: sim.corpid, corpsecret: sim.corpsecret };
    const first = await client.get('gettoken', query, false);
    expect(first).toEqual({ errcode: 0, errmsg: 'ok', access_token: jasmine.any(String), expires_in: 7200 });
    await client.admin('POST', 'clock', { advanceSeconds: 100 });
    const second = await client.get('gettoken', query, false);
    expect(second.access_token).toBe(first.access_token);
    expect(second.expires_in).toBeLessThanOrEqual(7100);
    expect((await client.counters()).gettoken).toBe(2);
  });

  it('answers 40013 for a wrong corpid and 40001 for a wrong secret', async () => {
    const wrongCorp = await client.get('gettoken', { corpid: 'wwnope', corpsecret: sim.corpsecret }, false);
    expect(wrongCorp.errcode).toBe(40013);
    expect(wrongCorp.errmsg).toMatch(ERRMSG_PATTERN);
    expect(wrongCorp.errmsg).toMatch(/^invalid corpid, hint: /);
    const wrongSecret = await client.get('gettoken', { corpid: sim.corpid, corpsecret: 'nope' }, false);
    expect(wrongSecret.errcode).toBe(40001);
  });

  it('answers 41001 without a token and 40014 for an unknown one', async () => {
    const missing = await client.get('agent/get', { agentid: String(sim.agentid) }, false);
    expect(missing.errcode).toBe(41001);
    const unknown = await client.get('agent/get', { agentid: String(sim.agentid), access_token: 'bogus' });
    expect(unknown.errcode).toBe(40014);
    expect(unknown.errmsg).toMatch(
      /^invalid access_token, hint: \[\d+\], from ip: 127\.0\.0\.1, more info at/,
    );
  });

  it('expires tokens with the clock, and on request (42001), and invalidates them (40014)', async () => {
    const token = await client.token();
    const call = (): Promise<{ errcode: number }> =>
      client.get('agent/get', { agentid: String(sim.agentid), access_token: token });
    expect((await call()).errcode).toBe(0);
    await client.admin('POST', 'clock', { advanceSeconds: 7200 });
    expect((await call()).errcode).toBe(42001);

    const second = await client.token();
    expect(second).not.toBe(token);
    await client.admin('POST', 'tokens', { action: 'expire' });
    expect((await client.get('agent/get', { agentid: '1000002', access_token: second })).errcode).toBe(42001);

    const third = await client.token();
    expect(third).not.toBe(second);
    await client.admin('POST', 'tokens', { action: 'invalidate' });
    expect((await client.get('agent/get', { agentid: '1000002', access_token: third })).errcode).toBe(40014);
  });

  it('uses the configured token TTL', async () => {
    await client.admin('POST', 'config', { tokenTtlSeconds: 60 });
    const answer = await client.get('gettoken', { corpid: sim.corpid, corpsecret: sim.corpsecret }, false);
    expect(answer.expires_in).toBe(60);
  });

  it('describes the app, and refuses another app (301002) or no app (40056)', async () => {
    const agent = await client.get('agent/get', { agentid: String(sim.agentid) });
    expect(agent).toEqual(
      jasmine.objectContaining({
        errcode: 0,
        errmsg: 'ok',
        agentid: 1000002,
        name: '直播助手',
        square_logo_url: jasmine.any(String),
        description: jasmine.any(String),
        allow_userinfos: { user: jasmine.any(Array) },
        allow_partys: { partyid: jasmine.any(Array) },
        allow_tags: { tagid: jasmine.any(Array) },
        close: 0,
        redirect_domain: jasmine.any(String),
        report_location_flag: 0,
        isreportenter: 0,
        home_url: jasmine.any(String),
      }),
    );
    const data = await client.data();
    expect((await client.get('agent/get', { agentid: String(data.specials.otherAgentid) })).errcode).toBe(
      301002,
    );
    expect((await client.get('agent/get', { agentid: '42' })).errcode).toBe(40056);
  });
});

import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary } from './spec-client.js';

describe('wecom-sim faults', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 13, lives: 12, viewers: 150, members: 10 });
    client = new SimClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await client.admin('POST', 'reset');
    data = await client.data();
  });

  const stat = (token: string): Promise<{ errcode: number; errmsg: string }> =>
    client.post(
      'living/get_watch_stat',
      { livingid: data.specials.bigLivingid, next_key: '0' },
      { access_token: token },
    );

  it('answers an armed errcode the given number of times, then normally', async () => {
    await client.admin('POST', 'faults', { api: 'living/get_watch_stat', errcode: -1, times: 2 });
    const token = await client.token();
    expect((await stat(token)).errcode).toBe(-1);
    const second = await stat(token);
    expect(second.errcode).toBe(-1);
    expect(second.errmsg).toMatch(/^system busy, hint: /);
    expect((await stat(token)).errcode).toBe(0);
  });

  it('reports the given IPv4 or IPv6 address in a 60020', async () => {
    await client.admin('POST', 'faults', {
      api: 'living/get_user_all_livingid',
      errcode: 60020,
      ip: '139.215.46.96',
    });
    await client.admin('POST', 'faults', {
      api: 'living/get_user_all_livingid',
      errcode: 60020,
      ip: '2408:8207:1::5',
    });
    const userid = data.specials.mainAnchorUserid;
    const v4 = await client.post('living/get_user_all_livingid', { userid, cursor: '', limit: 20 });
    expect(v4.errcode).toBe(60020);
    expect(v4.errmsg).toMatch(
      /^not allow to access from your ip, hint: \[\d+\], from ip: 139\.215\.46\.96, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=60020$/,
    );
    expect(v4.livingid_list).toEqual([]);
    const v6 = await client.post('living/get_user_all_livingid', { userid });
    expect(v6.errmsg).toContain('from ip: 2408:8207:1::5,');
    expect((await client.post('living/get_user_all_livingid', { userid })).errcode).toBe(0);
  });

  it('drops the connection without an answer', async () => {
    await client.admin('POST', 'faults', { api: 'user/get', drop: true });
    await expectAsync(client.get('user/get', { userid: data.specials.mainAnchorUserid })).toBeRejected();
    expect((await client.get('user/get', { userid: data.specials.mainAnchorUserid })).errcode).toBe(0);
  });

  it('applies a create, then answers the fault (the ambiguous case)', async () => {
    await client.admin('POST', 'faults', { api: 'living/create', afterProcessing: true });
    const { now } = await client.admin<{ now: number }>('GET', 'clock');
    const answer = await client.post('living/create', {
      anchor_userid: data.specials.mainAnchorUserid,
      theme: '模糊结果',
      living_start: now + 3600,
      living_duration: 600,
    });
    expect(answer.errcode).toBe(-1);
    const after = await client.data();
    expect(after.lives.length).toBe(data.lives.length + 1);
    const created = after.lives.find((l) => l.createdByApi);
    const list = await client.post('living/get_user_all_livingid', {
      userid: data.specials.mainAnchorUserid,
    });
    expect((list.livingid_list as string[])[0]).toBe(created?.livingid as string);

    await client.admin('POST', 'faults', { api: 'living/create', afterProcessing: true, drop: true });
    const dropped = client.post('living/create', {
      anchor_userid: data.specials.mainAnchorUserid,
      theme: '超时',
      living_start: now + 7200,
      living_duration: 600,
    });
    await expectAsync(dropped).toBeRejected();
    expect((await client.data()).lives.length).toBe(data.lives.length + 2);
  });

  it('delays a call, takes a custom errmsg, and forgets faults on DELETE', async () => {
    await client.admin('POST', 'faults', { api: 'agent/get', delayMs: 300 });
    const started = Date.now();
    expect((await client.get('agent/get', { agentid: '1000002' })).errcode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    await client.admin('POST', 'faults', {
      api: 'agent/get',
      errcode: 45033,
      errmsg: 'api concurrent out of limit',
    });
    const custom = await client.get('agent/get', { agentid: '1000002' });
    expect(custom).toEqual({ errcode: 45033, errmsg: 'api concurrent out of limit' });

    await client.admin('POST', 'faults', { api: 'agent/get', errcode: -1, times: 5 });
    await client.admin('DELETE', 'faults');
    expect((await client.get('agent/get', { agentid: '1000002' })).errcode).toBe(0);
  });

  it('hits a share of calls with a probabilistic fault, the same calls again after a clear', async () => {
    const token = await client.token();
    let lastHits = 0;
    const run = async (): Promise<number[]> => {
      await client.admin('POST', 'faults', { api: 'living/get_watch_stat', errcode: -1, probability: 0.3 });
      const codes: number[] = [];
      for (let i = 0; i < 60; i += 1) codes.push((await stat(token)).errcode);
      const { faults } = await client.admin<{ faults: Array<{ hits: number }> }>('GET', 'faults');
      lastHits = faults[0]?.hits ?? -1;
      await client.admin('DELETE', 'faults');
      return codes;
    };
    const first = await run();
    const hits = first.filter((code) => code === -1).length;
    expect(lastHits).toBe(hits);
    // 60 draws at 30%: far from none and far from all (the draws are seeded, so this never flakes).
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(35);
    expect(first.every((code) => code === 0 || code === -1)).toBeTrue();
    expect(await run()).toEqual(first);
  });

  it('caps a probabilistic fault with times and lists it as lasting until cleared otherwise', async () => {
    const token = await client.token();
    await client.admin('POST', 'faults', {
      api: 'living/get_watch_stat',
      errcode: -1,
      probability: 1,
      times: 2,
    });
    const { faults } = await client.admin<{ faults: Array<{ remaining: number | null }> }>('GET', 'faults');
    expect(faults.map((fault) => fault.remaining)).toEqual([2]);
    expect((await stat(token)).errcode).toBe(-1);
    expect((await stat(token)).errcode).toBe(-1);
    expect((await stat(token)).errcode).toBe(0);
    await client.admin('POST', 'faults', { api: '*', errcode: 45009, probability: 0.5 });
    const open = await client.admin<{ faults: Array<{ remaining: number | null }> }>('GET', 'faults');
    expect(open.faults.map((fault) => fault.remaining)).toEqual([null]);
    await expectAsync(client.admin('POST', 'faults', { api: 'x', probability: 0 })).toBeRejectedWithError(
      /400/,
    );
  });

  it('rejects a malformed fault', async () => {
    await expectAsync(client.admin('POST', 'faults', { api: 'x', ip: 'not-an-ip' })).toBeRejectedWithError(
      /400/,
    );
  });
});

import { WeComError, WeComTransportError } from './errors.js';
import { rejectionOf, startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

describe('WeComGateway retries (simulator)', () => {
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

  const fault = (spec: Record<string, unknown>) => fx.client.admin('POST', 'faults', spec);
  const calls = async (api: string) => (await fx.client.counters()).calls[api] ?? 0;

  it('retries a read on -1 and 45009 with backoff until it succeeds', async () => {
    const gateway = fx.gateway();
    await fault({ api: 'living/get_living_info', errcode: -1, times: 1 });
    await fault({ api: 'living/get_living_info', errcode: 45009, times: 2 });
    const info = await gateway.getLivingInfo(data.specials.endedLivingid);
    expect(info.status).toBe(2);
    expect(await calls('living/get_living_info')).toBe(4);
    expect(gateway.stats().retries).toBe(3);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const gateway = fx.gateway({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    await fault({ api: 'living/get_watch_stat', errcode: 45033, times: 10 });
    const error = (await rejectionOf(gateway.getWatchStat(data.specials.endedLivingid))) as WeComError;
    expect(error.errcode).toBe(45033);
    expect(error.code).toBe('WECOM_ERROR');
    expect(await calls('living/get_watch_stat')).toBe(3);
  });

  it('does not retry 60011 (no privilege)', async () => {
    const gateway = fx.gateway();
    const error = (await rejectionOf(gateway.getUser(data.specials.deniedUserid))) as WeComError;
    expect(error.errcode).toBe(60011);
    expect(error.toBody()).toEqual(
      jasmine.objectContaining({
        code: 'WECOM_ERROR',
        details: jasmine.objectContaining({ errcode: 60011, api: 'user/get' }) as unknown as Record<
          string,
          unknown
        >,
      }),
    );
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await calls('user/get')).toBe(1);
  });

  it('retries a read after a dropped connection', async () => {
    await fault({ api: 'living/get_living_info', drop: true, times: 1 });
    await fx.gateway().getLivingInfo(data.specials.endedLivingid);
    expect(await calls('living/get_living_info')).toBe(2);
  });

  it('retries a write on 45009 (certainly not processed) but not on -1', async () => {
    const gateway = fx.gateway();
    const reserved = data.specials.reservedLivingid;
    await fault({ api: 'living/modify', errcode: 45009, times: 1 });
    await gateway.modifyLiving({ livingid: reserved, description: 'retried' });
    expect(await calls('living/modify')).toBe(2);

    await fault({ api: 'living/modify', errcode: -1, times: 1 });
    const error = (await rejectionOf(
      gateway.modifyLiving({ livingid: reserved, description: 'busy' }),
    )) as WeComError;
    expect(error.errcode).toBe(-1);
    expect(await calls('living/modify')).toBe(3);
  });

  it('never repeats message/send after a timeout', async () => {
    const gateway = fx.gateway({ timeoutMs: 150 });
    const member = data.members.find((m) => !m.denied)?.userid ?? '';
    await fault({ api: 'message/send', delayMs: 400, times: 1 });
    const error = await rejectionOf(
      gateway.sendMessage({ msgtype: 'text', touser: member, text: { content: 'hi' } }),
    );
    expect(error).toBeInstanceOf(WeComTransportError);
    expect((error as WeComTransportError).code).toBe('WECOM_UNREACHABLE');
    expect((error as WeComTransportError).failure).toBe('timeout');
    // Let the simulator finish the delayed call: it was processed once, and only once.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await calls('message/send')).toBe(1);
    const { messages } = await fx.client.admin<{ messages: unknown[] }>('GET', 'messages');
    expect(messages.length).toBe(1);
  });

  it('repeats message/send on 45009 and delivers once', async () => {
    const gateway = fx.gateway();
    const member = data.members.find((m) => !m.denied)?.userid ?? '';
    await fault({ api: 'message/send', errcode: 45009, times: 1 });
    const result = await gateway.sendMessage({
      msgtype: 'textcard',
      touser: member,
      textcard: { title: '直播邀请', description: '明天 10:00', url: 'https://example.com/live' },
    });
    expect(result.msgid).toBeDefined();
    const { messages } = await fx.client.admin<{ messages: unknown[] }>('GET', 'messages');
    expect(messages.length).toBe(1);
  });
});

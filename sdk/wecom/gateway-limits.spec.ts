import { startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

describe('WeComGateway limits (simulator)', () => {
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

  /**
   * Until the gateway has nothing in flight and holds `held` calls: all it may send has been answered.
   * Polled rather than a fixed pause, which a loaded machine can outlast.
   */
  async function heldBack(gateway: ReturnType<SimFixture['gateway']>, held: number): Promise<void> {
    for (let i = 0; i < 500; i += 1) {
      const { inFlight, waiting } = gateway.stats();
      if (inFlight === 0 && waiting === held) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the gateway never settled with ${held} calls held: ${JSON.stringify(gateway.stats())}`);
  }

  it('never has more calls in flight than the concurrency cap', async () => {
    await fx.client.admin('POST', 'config', { latencyMs: 15 });
    const gateway = fx.gateway({ limits: { concurrency: 4 } });
    const livingid = data.specials.endedLivingid;
    await Promise.all(Array.from({ length: 60 }, () => gateway.getLivingInfo(livingid)));
    const counters = await fx.client.counters();
    expect(counters.maxConcurrency).toBeLessThanOrEqual(4);
    expect(counters.maxConcurrency).toBeGreaterThan(1);
    expect(counters.rateLimited).toBe(0);
    expect(gateway.stats().maxInFlight).toBe(4);
  });

  it('holds calls beyond the per-API limit instead of being refused', async () => {
    await fx.client.admin('POST', 'config', { rateLimits: { perApiPerMinute: 12 } });
    const gateway = fx.gateway({ limits: { perApiPerMinute: 12 } });
    const livingid = data.specials.endedLivingid;
    const calls = Array.from({ length: 20 }, () => gateway.getLivingInfo(livingid).then(() => 'done'));
    await heldBack(gateway, 8);
    const counters = await fx.client.counters();
    expect(counters.calls['living/get_living_info']).toBe(12);
    expect(counters.rateLimited).toBe(0);
    expect(gateway.stats().waiting).toBe(8);
    // Another API has its own window.
    await gateway.getWatchStat(livingid);
    gateway.close();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(12);
    expect((await fx.client.counters()).rateLimited).toBe(0);
  });

  it('keeps all APIs of the corp within a per-corp limit', async () => {
    await fx.client.admin('POST', 'config', { rateLimits: { perCorpPerMinute: 15 } });
    const gateway = fx.gateway({ limits: { perCorpPerMinute: 15 } });
    const livingid = data.specials.endedLivingid;
    const calls = [
      ...Array.from({ length: 10 }, () => gateway.getLivingInfo(livingid)),
      ...Array.from({ length: 10 }, () => gateway.getWatchStat(livingid)),
    ];
    // 15 in the window: gettoken and 14 calls; the other 6 wait.
    await heldBack(gateway, 6);
    const counters = await fx.client.counters();
    // gettoken counts against the corp too.
    const total = Object.values(counters.calls).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(15);
    expect(counters.rateLimited).toBe(0);
    gateway.close();
    await Promise.allSettled(calls);
  });

  it('limits message/send per member', async () => {
    const gateway = fx.gateway({ limits: { messagesPerMemberPerMinute: 3 } });
    const [first, second] = data.members.filter((m) => !m.denied).map((m) => m.userid);
    const send = (touser: string) =>
      gateway.sendMessage({ msgtype: 'text', touser, text: { content: '提醒' } });
    const sends = Array.from({ length: 5 }, () => send(first ?? ''));
    await send(second ?? '');
    await heldBack(gateway, 2);
    const { messages } = await fx.client.admin<{ messages: unknown[] }>('GET', 'messages');
    expect(messages.length).toBe(4);
    gateway.close();
    expect((await Promise.allSettled(sends)).filter((o) => o.status === 'rejected').length).toBe(2);
  });
});

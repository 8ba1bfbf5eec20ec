import type { WeComError } from './errors.js';
import type { CreateLivingRequest } from './models.js';
import { rejectionOf, startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

interface LiveRow {
  livingid: string;
  anchor_userid: string;
  theme: string;
  reserve_start: number;
  status: number;
}

describe('WeComGateway living/create (simulator)', () => {
  let fx: SimFixture;
  let data: DataSummary;
  let anchor: string;
  let counter = 0;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 12, viewers: 50, members: 10 });
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    data = await fx.client.data();
    anchor = data.specials.mainAnchorUserid;
  });

  function request(): CreateLivingRequest {
    counter += 1;
    return {
      anchor_userid: anchor,
      theme: `培训${counter}`,
      living_start: data.now + 86_400 + counter,
      living_duration: 3600,
      type: 3,
      description: 'gateway spec',
    };
  }

  async function livesLike(req: CreateLivingRequest): Promise<LiveRow[]> {
    const summary = (await fx.client.admin('GET', 'data')) as { lives: LiveRow[] };
    return summary.lives.filter(
      (live) =>
        live.anchor_userid === req.anchor_userid &&
        live.theme === req.theme &&
        live.reserve_start === req.living_start,
    );
  }

  const fault = (spec: Record<string, unknown>) => fx.client.admin('POST', 'faults', spec);

  it('creates a live', async () => {
    const req = request();
    const created = await fx.gateway().createLiving(req);
    expect(created.reconciled).toBeFalse();
    expect((await livesLike(req)).map((l) => l.livingid)).toEqual([created.livingid]);
  });

  it('reconciles a create answered -1 after WeCom processed it, without a duplicate', async () => {
    const req = request();
    await fault({ api: 'living/create', errcode: -1, afterProcessing: true, times: 1 });
    const created = await fx.gateway().createLiving(req);
    expect(created.reconciled).toBeTrue();
    const lives = await livesLike(req);
    expect(lives.length).toBe(1);
    expect(lives[0]?.livingid).toBe(created.livingid);
    expect((await fx.client.counters()).calls['living/create']).toBe(1);
  });

  it('reconciles a create whose connection dropped after processing', async () => {
    const req = request();
    await fault({ api: 'living/create', drop: true, afterProcessing: true, times: 1 });
    const created = await fx.gateway().createLiving(req);
    expect(created.reconciled).toBeTrue();
    expect((await livesLike(req)).length).toBe(1);
  });

  it('creates again when the dropped create never happened, still exactly once', async () => {
    const req = request();
    await fault({ api: 'living/create', drop: true, times: 1 });
    const created = await fx.gateway().createLiving(req);
    expect(created.reconciled).toBeFalse();
    expect((await livesLike(req)).map((l) => l.livingid)).toEqual([created.livingid]);
    expect((await fx.client.counters()).calls['living/create']).toBe(2);
  });

  it('reconciles a create that timed out while WeCom was still processing it', async () => {
    const req = request();
    await fault({ api: 'living/create', delayMs: 300, times: 1 });
    const gateway = fx.gateway({ timeoutMs: 100, reconcileDelayMs: 400 });
    const created = await gateway.createLiving(req);
    expect(created.reconciled).toBeTrue();
    expect((await livesLike(req)).length).toBe(1);
    expect(gateway.stats().reconciled).toBe(1);
  });

  it('ignores a cancelled live with the same theme and start', async () => {
    const req = request();
    const gateway = fx.gateway();
    const first = await gateway.createLiving(req);
    await gateway.cancelLiving(first.livingid);
    await fault({ api: 'living/create', errcode: -1, afterProcessing: true, times: 1 });
    const second = await gateway.createLiving(req);
    expect(second.livingid).not.toBe(first.livingid);
    const active = (await livesLike(req)).filter((l) => l.status !== 4);
    expect(active.map((l) => l.livingid)).toEqual([second.livingid]);
  });

  it('retries a create refused with 45009 (nothing was created)', async () => {
    const req = request();
    await fault({ api: 'living/create', errcode: 45009, times: 1 });
    const created = await fx.gateway().createLiving(req);
    expect(created.reconciled).toBeFalse();
    expect((await livesLike(req)).length).toBe(1);
  });

  it('reports a refused create (unknown anchor) without retrying', async () => {
    const error = (await rejectionOf(
      fx.gateway().createLiving({ ...request(), anchor_userid: 'nobody-here' }),
    )) as WeComError;
    expect(error.errcode).toBe(60111);
    expect((await fx.client.counters()).calls['living/create']).toBe(1);
  });
});

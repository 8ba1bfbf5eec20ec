import { memoryLogger, rejectionOf, startSimFixture, type SimFixture } from './testing/sim-fixture.js';
import type { AppError } from '../contracts/errors.js';

describe('WeComGateway logging (simulator)', () => {
  let fx: SimFixture;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 12, viewers: 300, members: 10 });
  });
  afterAll(() => fx.close());
  beforeEach(() => fx.reset());

  it('logs each call with api, duration and errcode, never a token or the secret', async () => {
    const data = await fx.client.data();
    const { logger, lines } = memoryLogger();
    const gateway = fx.gateway({ logger, timeoutMs: 200 });
    const tokens = new Set<string>();
    const errors: AppError[] = [];
    tokens.add(await gateway.getToken());

    await gateway.getLivingInfo(data.specials.endedLivingid);
    await fx.client.admin('POST', 'tokens', { action: 'expire' });
    await gateway.getWatchStat(data.specials.bigLivingid);
    tokens.add(await gateway.getToken());
    await fx.client.admin('POST', 'tokens', { action: 'invalidate' });
    await gateway.getUserAllLivingIds(data.specials.mainAnchorUserid);
    tokens.add(await gateway.getToken());

    // Failures carry WeCom's errmsg; make one that quotes a token and the secret back.
    const token = [...tokens].at(-1) ?? '';
    await fx.client.admin('POST', 'faults', {
      api: 'user/get',
      errcode: 40058,
      errmsg: `bad request access_token=${token} corpsecret=${fx.sim.corpsecret} ${token}`,
    });
    errors.push((await rejectionOf(gateway.getUser('someone'))) as AppError);
    await fx.client.admin('POST', 'faults', { api: 'living/get_living_info', errcode: 60020 });
    errors.push((await rejectionOf(gateway.getLivingInfo(data.specials.endedLivingid))) as AppError);
    await fx.client.admin('POST', 'faults', { api: 'living/get_living_info', delayMs: 400, times: 4 });
    errors.push((await rejectionOf(gateway.getLivingInfo(data.specials.endedLivingid))) as AppError);
    const wrong = fx.gateway({ logger, corpsecret: `${fx.sim.corpsecret}x` });
    errors.push((await rejectionOf(wrong.getToken())) as AppError);

    expect(tokens.size).toBe(3);
    const calls = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l['api']);
    expect(calls.length).toBeGreaterThan(8);
    const logged = calls.find(
      (entry) => entry['msg'] === 'wecom call' && entry['api'] === 'living/get_living_info',
    );
    expect(logged).toEqual(
      jasmine.objectContaining({
        api: 'living/get_living_info',
        errcode: 0,
        durationMs: jasmine.any(Number),
      }),
    );
    expect(String(logged?.['path'])).toContain('livingid=');

    const everything = [...lines, ...errors.map((e) => JSON.stringify({ m: e.message, d: e.details }))].join(
      '\n',
    );
    for (const secret of [...tokens, fx.sim.corpsecret]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/access_token=(?!\*\*\*)/);
    expect(everything).not.toMatch(/corpsecret=(?!\*\*\*)/);
  });
});

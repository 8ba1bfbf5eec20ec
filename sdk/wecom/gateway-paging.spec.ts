import { lastValueFrom, toArray } from 'rxjs';
import { WeComPagingError } from './errors.js';
import { startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

/** A fetch that rewrites get_watch_stat answers, to play a server whose cursor loops. */
function loopingWatchStat(repeatOnPage: number): typeof fetch {
  let page = 0;
  let firstKey = '';
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).includes('/living/get_watch_stat')) return response;
    const body = (await response.json()) as { next_key: string; ending: number };
    page += 1;
    if (page === 1) firstKey = body.next_key;
    if (page >= repeatOnPage) Object.assign(body, { next_key: firstKey, ending: 0 });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('WeComGateway paging (simulator)', () => {
  let fx: SimFixture;
  let data: DataSummary;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 30, viewers: 4000, members: 12 });
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    data = await fx.client.data();
  });

  it('reads every viewer of a live with thousands of them, ending only on ending = 1', async () => {
    const gateway = fx.gateway();
    const big = data.lives.find((live) => live.livingid === data.specials.bigLivingid);
    expect(big?.viewerCount).toBeGreaterThanOrEqual(4000);
    const pages = await lastValueFrom(gateway.watchStat$(data.specials.bigLivingid).pipe(toArray()));
    const ids = new Set<string>();
    for (const page of pages) {
      for (const user of page.stat_info.users) ids.add(`u:${user.userid}`);
      for (const user of page.stat_info.external_users) ids.add(`e:${user.external_userid}`);
    }
    expect(ids.size).toBe(big?.viewerCount ?? -1);
    expect(pages[pages.length - 1]?.ending).toBe(1);
    expect(pages.slice(0, -1).every((page) => page.ending === 0)).toBeTrue();
    expect((await fx.client.counters()).calls['living/get_watch_stat']).toBe(pages.length);
  });

  it('lists every live of a member across cursor pages', async () => {
    const gateway = fx.gateway();
    const anchor = data.specials.mainAnchorUserid;
    const ids = await lastValueFrom(gateway.userLivingIds$(anchor, 3).pipe(toArray()));
    expect(ids.length).toBe(data.specials.mainAnchorLiveCount);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = data.lives.filter((live) => live.anchor_userid === anchor).map((live) => live.livingid);
    expect(new Set(ids)).toEqual(new Set(expected));
  });

  it('stops with WeComPagingError when the cursor repeats', async () => {
    const gateway = fx.gateway({ fetch: loopingWatchStat(3) });
    const error = await lastValueFrom(gateway.watchStat$(data.specials.bigLivingid)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WeComPagingError);
    expect((error as WeComPagingError).problem).toBe('repeated-key');
    expect((error as WeComPagingError).code).toBe('WECOM_ERROR');
    expect((await fx.client.counters()).calls['living/get_watch_stat']).toBe(3);
  });

  it('stops with WeComPagingError beyond maxPages', async () => {
    const gateway = fx.gateway({ maxPages: 5 });
    const error = await lastValueFrom(gateway.watchStat$(data.specials.bigLivingid)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as WeComPagingError).problem).toBe('max-pages');
    expect((await fx.client.counters()).calls['living/get_watch_stat']).toBe(5);
  });
});

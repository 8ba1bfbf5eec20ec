import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary } from './spec-client.js';

describe('wecom-sim get_user_all_livingid', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, lives: 45, viewers: 100, members: 12 });
    client = new SimClient(sim);
    data = await client.data();
  });
  afterAll(() => sim.close());

  it('pages with cursors until an empty next_cursor, newest first, every live once', async () => {
    const anchor = data.specials.mainAnchorUserid;
    const expected = data.lives.filter((l) => l.anchor_userid === anchor).map((l) => l.livingid);
    expect(expected.length).toBe(data.specials.mainAnchorLiveCount);
    expect(expected.length).toBeGreaterThan(10);
    const token = await client.token();
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await client.post(
        'living/get_user_all_livingid',
        { userid: anchor, cursor, limit: 4 },
        { access_token: token },
      );
      expect(page.errcode).toBe(0);
      const ids = page.livingid_list as string[];
      expect(ids.length).toBeLessThanOrEqual(4);
      seen.push(...ids);
      cursor = page.next_cursor as string;
      pages += 1;
    } while (cursor !== '' && pages < 50);
    expect(cursor).toBe('');
    expect(pages).toBe(Math.ceil(expected.length / 4));
    expect(seen).toEqual([...expected].reverse());
  });

  it('defaults and caps limit at 100 and compares userids case-insensitively', async () => {
    const anchor = data.specials.mainAnchorUserid;
    const answer = await client.post('living/get_user_all_livingid', {
      userid: anchor.toLowerCase(),
      limit: 500,
    });
    expect(answer.errcode).toBe(0);
    expect((answer.livingid_list as string[]).length).toBe(data.specials.mainAnchorLiveCount);
    expect(answer.next_cursor).toBe('');
  });

  it('answers 60111 for an unknown member and 41009 without userid', async () => {
    expect((await client.post('living/get_user_all_livingid', { userid: 'nobody' })).errcode).toBe(60111);
    const missing = await client.post('living/get_user_all_livingid', {});
    expect(missing.errcode).toBe(41009);
    // WeCom sends the list's empty default along with errors (a captured 60020 answer).
    expect(missing.livingid_list).toEqual([]);
  });
});

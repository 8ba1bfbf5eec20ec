import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary } from './spec-client.js';

describe('wecom-sim live lifecycle', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 9, lives: 12, viewers: 100, members: 10 });
    client = new SimClient(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await client.admin('POST', 'reset');
    data = await client.data();
  });

  async function create(startIn: number, duration = 3600): Promise<string> {
    const { now } = await client.admin<{ now: number }>('GET', 'clock');
    const answer = await client.post('living/create', {
      anchor_userid: data.specials.mainAnchorUserid,
      theme: '预约直播-企业->推广2',
      living_start: now + startIn,
      living_duration: duration,
      description: 'test description',
      type: 3,
      agentid: 1000002,
    });
    expect(answer.errcode).withContext(answer.errmsg).toBe(0);
    return answer.livingid as string;
  }

  async function info(livingid: string): Promise<Record<string, number>> {
    const answer = await client.get('living/get_living_info', { livingid });
    expect(answer.errcode).toBe(0);
    return answer.living_info as Record<string, number>;
  }

  it('lists a created live first and moves it 0 → 1 → 2 with the clock', async () => {
    // A fixed instant: the room's count wobbles by the minute of the clock, and a small audience at an
    // unlucky real time could read the same count eight minutes running (it did once in CI).
    await client.admin('POST', 'clock', { now: 1_765_000_000, frozen: true });
    const livingid = await create(600, 1200);
    expect(livingid).toMatch(/^lv[A-Za-z0-9]{30}$/);
    const list = await client.post('living/get_user_all_livingid', {
      userid: data.specials.mainAnchorUserid,
    });
    expect((list.livingid_list as string[])[0]).toBe(livingid);

    const reserved = await info(livingid);
    expect(reserved.status).toBe(0);
    expect(reserved.reserve_living_duration).toBe(1200);
    expect(reserved.online_count).toBe(0);

    await client.admin('POST', 'clock', { advanceSeconds: 700 });
    const living = await info(livingid);
    expect(living.status).toBe(1);
    expect(living.online_count).toBeGreaterThan(0);
    const counts = new Set<number>();
    for (let i = 0; i < 8; i += 1) {
      await client.admin('POST', 'clock', { advanceSeconds: 60 });
      counts.add((await info(livingid)).online_count as number);
    }
    expect(counts.size).toBeGreaterThan(1);

    await client.admin('POST', 'clock', { advanceSeconds: 1200 });
    const ended = await info(livingid);
    expect(ended.status).toBe(2);
    expect(ended.online_count).toBe(0);
    expect(ended.viewer_num).toBeGreaterThan(0);
    const stat = await client.post('living/get_watch_stat', { livingid, next_key: '' });
    const stats = stat.stat_info as { users: unknown[]; external_users: unknown[] };
    expect(stats.users.length + stats.external_users.length).toBe(ended.viewer_num as number);
  });

  it('cancels only before the start', async () => {
    const early = await create(3600);
    expect((await client.post('living/cancel', { livingid: early })).errcode).toBe(0);
    expect((await info(early)).status).toBe(4);
    expect((await client.post('living/cancel', { livingid: early })).errcode).toBe(40058);

    const started = await create(60);
    await client.admin('POST', 'clock', { advanceSeconds: 120 });
    const refused = await client.post('living/cancel', { livingid: started });
    expect(refused.errcode).toBe(40058);
    expect((await info(started)).status).toBe(1);
    expect((await client.post('living/cancel', { livingid: data.specials.endedLivingid })).errcode).toBe(
      40058,
    );
  });

  it('modifies a reserved live and refuses a started one', async () => {
    const livingid = await create(3600);
    const { now } = await client.admin<{ now: number }>('GET', 'clock');
    const modified = await client.post('living/modify', {
      livingid,
      theme: '改期',
      living_start: now + 7200,
    });
    expect(modified.errcode).toBe(0);
    const after = await info(livingid);
    expect(after.reserve_start).toBe(now + 7200);
    expect(
      (await client.post('living/modify', { livingid: data.specials.livingLivingid, theme: 'x' })).errcode,
    ).toBe(40058);
  });

  it('validates create input like WeCom', async () => {
    const { now } = await client.admin<{ now: number }>('GET', 'clock');
    const base = {
      anchor_userid: data.specials.mainAnchorUserid,
      theme: 't',
      living_start: now + 600,
      living_duration: 60,
    };
    expect(
      (await client.post('living/create', { ...base, theme: '一二三四五六七八九十一二三四五六七八九十一' }))
        .errcode,
    ).toBe(40058);
    expect((await client.post('living/create', { ...base, living_start: now - 10 })).errcode).toBe(40058);
    expect((await client.post('living/create', { ...base, anchor_userid: 'nobody' })).errcode).toBe(60111);
    expect((await client.post('living/create', { ...base, agentid: 1000003 })).errcode).toBe(301002);
    expect(
      (await client.post('living/create', { ...base, activity_cover_mediaid: 'nope', type: 4 })).errcode,
    ).toBe(40007);
    const token = await client.token();
    const response = await fetch(`${sim.url}/cgi-bin/living/create?access_token=${token}`, {
      method: 'POST',
      body: '{not json',
    });
    expect(((await response.json()) as { errcode: number }).errcode).toBe(47001);
  });

  it('deletes the replay of an ended live once', async () => {
    const livingid = await create(60, 60);
    await client.admin('POST', 'clock', { advanceSeconds: 200 });
    expect((await info(livingid)).open_replay).toBe(1);
    expect((await client.post('living/delete_replay_data', { livingid })).errcode).toBe(0);
    expect((await info(livingid)).replay_status).toBe(2);
    expect((await client.post('living/delete_replay_data', { livingid })).errcode).toBe(40058);
  });
});

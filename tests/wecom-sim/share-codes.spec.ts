import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type WecomAnswer } from './spec-client.js';

interface StatPage extends WecomAnswer {
  ending: number;
  next_key: string;
  stat_info: {
    users: Array<{ userid: string; invitor_userid?: string; invitor_external_userid?: string }>;
    external_users: Array<{
      external_userid: string;
      invitor_userid?: string;
      invitor_external_userid?: string;
    }>;
  };
}

interface ShareCode {
  code: string;
  livingid: string;
  viewer_userid?: string;
  viewer_external_userid?: string;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

/**
 * The share codes the simulator hands out (`/__sim/data` shareCodes) tell the same story as the
 * promotion live's watch stats: each names a viewer of that live and the inviter its stats give it, so
 * get_living_share_info and the viewer list never disagree about who shared a link.
 */
describe('wecom-sim share codes agree with the watch stats', () => {
  let sim: RunningSimulator;
  let client: SimClient;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 8, lives: 12, viewers: 400, members: 10 });
    client = new SimClient(sim);
  });
  afterAll(() => sim.close());

  async function viewers(livingid: string): Promise<Map<string, string | undefined>> {
    const inviters = new Map<string, string | undefined>();
    let nextKey = '0';
    for (let guard = 0; guard < 100; guard += 1) {
      const page = (await client.post('living/get_watch_stat', { livingid, next_key: nextKey })) as StatPage;
      expect(page.errcode).toBe(0);
      for (const user of page.stat_info.users) {
        inviters.set(user.userid, user.invitor_userid ?? user.invitor_external_userid);
      }
      for (const user of page.stat_info.external_users) {
        inviters.set(user.external_userid, user.invitor_userid ?? user.invitor_external_userid);
      }
      if (page.ending === 1) return inviters;
      nextKey = page.next_key;
    }
    throw new Error('no ending');
  }

  it('names, for every code, a viewer of its live and the inviter the stats record for them', async () => {
    const { shareCodes } = await client.admin<{ shareCodes: ShareCode[] }>('GET', 'data');
    expect(shareCodes.length).toBeGreaterThanOrEqual(3);
    for (const share of shareCodes) {
      const stats = await viewers(share.livingid);
      const viewer = share.viewer_userid ?? share.viewer_external_userid ?? '';
      expect(stats.has(viewer)).withContext(`viewer of ${share.code}`).toBeTrue();
      expect(stats.get(viewer)).toBe(share.invitor_userid ?? share.invitor_external_userid);
      const answer = await client.post('living/get_living_share_info', { ww_share_code: share.code });
      expect(answer.errcode).toBe(0);
      expect(answer['livingid']).toBe(share.livingid);
    }
  });
});

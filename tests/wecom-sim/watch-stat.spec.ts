import { WATCH_PAGE_SIZE } from './paging.js';
import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary, type WecomAnswer } from './spec-client.js';

interface StatPage extends WecomAnswer {
  ending: number;
  next_key: string;
  stat_info: { users: Record<string, unknown>[]; external_users: Record<string, unknown>[] };
}

describe('wecom-sim get_watch_stat and get_living_info', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, viewers: 2345 });
    client = new SimClient(sim);
    data = await client.data();
  });
  afterAll(() => sim.close());

  async function allPages(livingid: string): Promise<StatPage[]> {
    const token = await client.token();
    const pages: StatPage[] = [];
    let nextKey = '0';
    for (let guard = 0; guard < 100; guard += 1) {
      const page = (await client.post(
        'living/get_watch_stat',
        { livingid, next_key: nextKey },
        { access_token: token },
      )) as StatPage;
      expect(page.errcode).toBe(0);
      pages.push(page);
      if (page.ending === 1) return pages;
      nextKey = page.next_key;
    }
    throw new Error('no ending');
  }

  it('pages a big live in pages of 100 until ending=1, with a non-empty next_key on the last page', async () => {
    const big = data.lives.find((l) => l.livingid === data.specials.bigLivingid);
    expect(big?.viewerCount).toBe(2345);
    const pages = await allPages(data.specials.bigLivingid);
    expect(pages.length).toBe(Math.ceil(2345 / WATCH_PAGE_SIZE));
    const sizes = pages.map((p) => p.stat_info.users.length + p.stat_info.external_users.length);
    expect(sizes.slice(0, -1).every((size) => size === WATCH_PAGE_SIZE)).toBeTrue();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2345);
    expect(pages.slice(0, -1).every((p) => p.ending === 0)).toBeTrue();
    const last = pages[pages.length - 1] as StatPage;
    expect(last.next_key).not.toBe('');

    // Asking again with the last next_key: still ending=1, nothing more.
    const again = (await client.post('living/get_watch_stat', {
      livingid: data.specials.bigLivingid,
      next_key: last.next_key,
    })) as StatPage;
    expect(again.ending).toBe(1);
    expect(again.stat_info.external_users.length + again.stat_info.users.length).toBe(0);

    const ids = pages.flatMap((p) => p.stat_info.external_users.map((u) => u.external_userid));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sends members by userid only and external viewers with type and name', async () => {
    const [page] = await allPages(data.specials.promotionLivingid);
    for (const user of page?.stat_info.users ?? []) {
      expect(Object.keys(user)).not.toContain('name');
      expect(typeof user.userid).toBe('string');
    }
    for (const external of page?.stat_info.external_users ?? []) {
      expect([1, 2]).toContain(external.type as number);
      expect(typeof external.name).toBe('string');
    }
  });

  it('has inviter fields on promotion lives only', async () => {
    for (const live of data.lives.filter((l) => l.viewerCount > 0).slice(0, 12)) {
      const pages = await allPages(live.livingid);
      const viewers = pages.flatMap((p) => [...p.stat_info.users, ...p.stat_info.external_users]);
      const withInviter = viewers.filter((v) => 'invitor_userid' in v || 'invitor_external_userid' in v);
      if (live.type !== 4) expect(withInviter.length).withContext(live.livingid).toBe(0);
    }
  });

  it('carries the curated inviter cases on the promotion live', async () => {
    const s = data.specials;
    const pages = await allPages(s.promotionLivingid);
    const externals = pages.flatMap((p) => p.stat_info.external_users);
    const users = pages.flatMap((p) => p.stat_info.users);
    const external = (id: string): Record<string, unknown> | undefined =>
      externals.find((e) => e.external_userid === id);
    expect(external(s.selfInviteViewer)?.invitor_external_userid).toBe(s.selfInviteViewer);
    expect(users.find((u) => u.userid === s.selfInviteMember)?.invitor_userid).toBe(s.selfInviteMember);
    expect(users.find((u) => u.userid === s.anchorSelfInvite)?.invitor_userid).toBe(s.mainAnchorUserid);
    expect(s.anchorSelfInvite).toBe(s.mainAnchorUserid);
    expect(external(s.anchorInvitedViewer)?.invitor_userid).toBe(s.mainAnchorUserid);
    expect(external(s.viewerInvitedViewer)?.invitor_external_userid).toBe(s.viewerInviter);
    expect(external(s.viewerInviter)?.name).toBe('黍离。');
    expect(externals.some((e) => e.invitor_userid === s.memberInviterUserid)).toBeTrue();
    expect(externals.some((e) => e.invitor_userid === s.deniedInviterUserid)).toBeTrue();
    expect(externals.some((e) => e.invitor_external_userid === s.unknownExternalInviter)).toBeTrue();
    expect(external(s.unknownExternalInviter)).toBeUndefined();
    expect(users.some((u) => u.userid === s.memberInviterUserid)).toBeFalse();
    expect(external(s.emptyNameViewer)?.name).toBe('');
    expect(externals.filter((e) => e.name === s.duplicateViewerName).length).toBeGreaterThanOrEqual(2);
  });

  it('names inviters in the stats only when asked to (statInviterNames), self-invites included', async () => {
    const s = data.specials;
    const named = (pages: StatPage[]): Array<Record<string, unknown>> =>
      pages
        .flatMap((p) => [...p.stat_info.users, ...p.stat_info.external_users])
        .filter((v) => 'invitor_name' in v);
    expect(named(await allPages(s.promotionLivingid))).toEqual([]);
    await client.admin('POST', 'config', { statInviterNames: true });
    try {
      const pages = await allPages(s.promotionLivingid);
      const externals = pages.flatMap((p) => p.stat_info.external_users);
      const member = data.members.find((m) => m.userid === s.memberInviterUserid);
      const anchor = data.members.find((m) => m.userid === s.mainAnchorUserid);
      expect(externals.find((e) => e.invitor_userid === s.memberInviterUserid)?.invitor_name).toBe(
        member?.name,
      );
      expect(externals.find((e) => e.external_userid === s.viewerInvitedViewer)?.invitor_name).toBe('黍离。');
      expect(externals.find((e) => e.external_userid === s.selfInviteViewer)?.invitor_name).toBe('自来水');
      const users = pages.flatMap((p) => p.stat_info.users);
      expect(users.find((u) => u.userid === s.anchorSelfInvite)?.invitor_name).toBe(anchor?.name);
      // Nobody knows an external inviter who never watched.
      expect(
        externals.find((e) => e.invitor_external_userid === s.unknownExternalInviter)?.invitor_name,
      ).toBeUndefined();
    } finally {
      await client.admin('POST', 'config', { statInviterNames: false });
    }
  });

  it('reports reserved and actual times apart, and no viewers before the start', async () => {
    const ended = await client.get('living/get_living_info', { livingid: data.specials.endedLivingid });
    const info = ended.living_info as Record<string, number>;
    expect(info.status).toBe(2);
    expect(info.living_start).not.toBe(info.reserve_start);
    expect(info.living_duration).not.toBe(info.reserve_living_duration);

    const reserved = await client.get('living/get_living_info', { livingid: data.specials.reservedLivingid });
    expect((reserved.living_info as Record<string, number>).status).toBe(0);
    const stat = (await client.post('living/get_watch_stat', {
      livingid: data.specials.reservedLivingid,
      next_key: '0',
    })) as StatPage;
    expect(stat.ending).toBe(1);
    expect(stat.next_key).not.toBe('');
    expect(stat.stat_info.users.length + stat.stat_info.external_users.length).toBe(0);
  });

  it('answers 40058 for an unknown livingid or a forged next_key', async () => {
    expect((await client.get('living/get_living_info', { livingid: 'lvnope' })).errcode).toBe(40058);
    const forged = await client.post('living/get_watch_stat', {
      livingid: data.specials.bigLivingid,
      next_key: 'x',
    });
    expect(forged.errcode).toBe(40058);
  });

  it('resolves a share code of the promotion live', async () => {
    const share = await client.post('living/get_living_share_info', {
      ww_share_code: data.specials.shareCode,
    });
    expect(share).toEqual({
      errcode: 0,
      errmsg: 'ok',
      livingid: data.specials.promotionLivingid,
      viewer_external_userid: data.specials.anchorInvitedViewer,
      invitor_userid: data.specials.mainAnchorUserid,
    });
    expect((await client.post('living/get_living_share_info', { ww_share_code: 'nope' })).errcode).toBe(
      40058,
    );
    const code = await client.post('living/get_living_code', {
      livingid: data.specials.bigLivingid,
      openid: 'o1',
    });
    expect(code.errcode).toBe(0);
    expect(typeof code.living_code).toBe('string');
  });
});

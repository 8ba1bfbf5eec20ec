import type { WeComError } from './errors.js';
import { rejectionOf, startSimFixture, type DataSummary, type SimFixture } from './testing/sim-fixture.js';

// The smallest valid PNG: 1×1, transparent.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('WeComGateway APIs (simulator)', () => {
  let fx: SimFixture;
  let data: DataSummary;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 12, viewers: 120, members: 10 });
  });
  afterAll(() => fx.close());
  beforeEach(async () => {
    await fx.reset();
    data = await fx.client.data();
  });

  it('reads a live, its first watch-stat page and the anchor list page, keeping unknown fields', async () => {
    const gateway = fx.gateway();
    const info = await gateway.getLivingInfo(data.specials.endedLivingid);
    expect(info.status).toBe(2);
    expect(typeof info.theme).toBe('string');
    const page = await gateway.getWatchStat(data.specials.promotionLivingid);
    expect(page.ending === 0 || page.ending === 1).toBeTrue();
    expect(page.stat_info.users.length + page.stat_info.external_users.length).toBeGreaterThan(0);
    const list = await gateway.getUserAllLivingIds(data.specials.mainAnchorUserid, { limit: 2 });
    expect(list.livingid_list.length).toBe(2);
    expect(list.next_cursor).not.toBe('');
  });

  it('modifies and cancels a reserved live', async () => {
    const gateway = fx.gateway();
    const livingid = data.specials.reservedLivingid;
    await gateway.modifyLiving({ livingid, theme: '改过的主题' });
    expect((await gateway.getLivingInfo(livingid)).theme).toBe('改过的主题');
    await gateway.cancelLiving(livingid);
    expect((await gateway.getLivingInfo(livingid)).status).toBe(4);
    const again = (await rejectionOf(gateway.cancelLiving(livingid))) as WeComError;
    expect(again.errcode).toBe(40058);
    expect(again.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('deletes the replay of an ended live', async () => {
    const gateway = fx.gateway();
    const livingid = data.specials.endedLivingid;
    const before = await gateway.getLivingInfo(livingid);
    if (before.open_replay === 1 && before.replay_status !== 2) {
      await gateway.deleteReplayData(livingid);
      expect((await gateway.getLivingInfo(livingid)).replay_status).toBe(2);
    } else {
      expect((await rejectionOf(gateway.deleteReplayData(livingid))) as WeComError).toBeDefined();
    }
  });

  it('reads share info and a living code', async () => {
    const gateway = fx.gateway();
    const share = await gateway.getLivingShareInfo(data.specials.shareCode);
    expect(share.livingid).toBeTruthy();
    const code = await gateway.getLivingCode(data.specials.endedLivingid, 'oOpenid123');
    expect(code.length).toBeGreaterThan(0);
  });

  it('reads a member and reports a denied one', async () => {
    const gateway = fx.gateway();
    const member = data.members.find((m) => !m.denied);
    const user = await gateway.getUser(member?.userid ?? '');
    expect(user.name).toBe(member?.name);
    const denied = (await rejectionOf(gateway.getUser(data.specials.deniedUserid))) as WeComError;
    expect(denied.errcode).toBe(60011);
  });

  it('resolves member names once per TTL, shared by concurrent callers, without caching refusals', async () => {
    const gateway = fx.gateway({ userNameTtlMs: 60_000 });
    const member = data.members.find((m) => !m.denied && m.userid !== m.userid.toLowerCase());
    const userid = member?.userid ?? '';
    await fx.client.admin('POST', 'counters/reset');
    const names = await Promise.all([gateway.userName(userid), gateway.userName(userid)]);
    expect(names).toEqual([member?.name ?? '', member?.name ?? '']);
    expect(await gateway.userName(userid)).toBe(member?.name ?? '');
    const denied = data.specials.deniedUserid;
    expect(((await rejectionOf(gateway.userName(denied))) as WeComError).errcode).toBe(60011);
    expect(((await rejectionOf(gateway.userName(denied))) as WeComError).errcode).toBe(60011);
    const counters = await fx.client.admin<{ calls: Record<string, number> }>('GET', 'counters');
    // One call for the member (the rest came from the cache), one per refused lookup.
    expect(counters.calls['user/get']).toBe(3);

    const shortLived = fx.gateway({ userNameTtlMs: 1 });
    await shortLived.userName(userid);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await shortLived.userName(userid);
    const after = await fx.client.admin<{ calls: Record<string, number> }>('GET', 'counters');
    expect(after.calls['user/get']).toBe(5);
  });

  it('asks user/get with the userid exactly as received and never serves a name under another spelling', async () => {
    const gateway = fx.gateway({ userNameTtlMs: 60_000 });
    const member = data.members.find((m) => !m.denied && m.userid !== m.userid.toLowerCase());
    const userid = member?.userid ?? '';
    expect(await gateway.userName(userid)).toBe(member?.name ?? '');
    await fx.client.admin('POST', 'counters/reset');
    // The simulator never issued the lower-case spelling: WeCom is asked with it (the cached answer for
    // the exact spelling is not reused) and its refusal comes back.
    const other = (await rejectionOf(gateway.userName(userid.toLowerCase()))) as WeComError;
    expect(other.errcode).toBe(60111);
    const counters = await fx.client.admin<{ calls: Record<string, number> }>('GET', 'counters');
    expect(counters.calls['user/get']).toBe(1);
  });

  it('sends text and textcard messages from the configured app', async () => {
    const gateway = fx.gateway();
    const member = data.members.find((m) => !m.denied)?.userid ?? '';
    const text = await gateway.sendMessage({
      msgtype: 'text',
      touser: `${member}|nobody`,
      text: { content: '你好' },
    });
    expect(text.invaliduser).toBe('nobody');
    await gateway.sendMessage({
      msgtype: 'textcard',
      touser: member,
      textcard: {
        title: '直播邀请',
        description: '<div>明天</div>',
        url: 'https://example.com',
        btntxt: '详情',
      },
    });
    const { messages } = await fx.client.admin<{ messages: Array<{ body: { agentid: number } }> }>(
      'GET',
      'messages',
    );
    expect(messages.map((m) => m.body.agentid)).toEqual([data.agentid, data.agentid]);
  });

  it('uploads a temporary image as multipart', async () => {
    const gateway = fx.gateway();
    const media = await gateway.uploadMedia('image', {
      data: PNG,
      filename: 'cover.png',
      contentType: 'image/png',
    });
    expect(media.type).toBe('image');
    expect(media.media_id.length).toBeGreaterThan(0);
    const { media: stored } = await fx.client.admin<{ media: Array<{ media_id: string; filename: string }> }>(
      'GET',
      'media',
    );
    expect(stored.find((m) => m.media_id === media.media_id)?.filename).toBe('cover.png');
    const created = await gateway.createLiving({
      anchor_userid: data.specials.mainAnchorUserid,
      theme: '活动直播',
      living_start: data.now + 7200,
      living_duration: 1800,
      type: 4,
      activity_cover_mediaid: media.media_id,
    });
    expect(created.livingid).toBeTruthy();
  });
});

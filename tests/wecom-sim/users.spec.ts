import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary } from './spec-client.js';

describe('wecom-sim user/get, message/send and media/upload', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 21, lives: 12, viewers: 50, members: 16 });
    client = new SimClient(sim);
    data = await client.data();
  });
  afterAll(() => sim.close());

  it('returns a visible member and 60011 for a member outside the app', async () => {
    const visible = data.members.find((m) => !m.denied && m.userid !== data.specials.mainAnchorUserid);
    const user = await client.get('user/get', { userid: visible?.userid ?? '' });
    expect(user).toEqual(
      jasmine.objectContaining({ errcode: 0, errmsg: 'ok', userid: visible?.userid, name: visible?.name }),
    );
    expect(user.department).toEqual(visible?.department);

    expect(data.members.filter((m) => m.denied).length).toBeGreaterThanOrEqual(1);
    const denied = await client.get('user/get', { userid: data.specials.deniedUserid });
    expect(denied.errcode).toBe(60011);
    expect(denied.errmsg).toMatch(/^no privilege to access\/modify contact\/party\/agent, hint: /);
    expect((await client.get('user/get', { userid: data.specials.deniedInviterUserid })).errcode).toBe(60011);
    expect((await client.get('user/get', { userid: 'nobody' })).errcode).toBe(60111);
  });

  it('answers user/get only for the spelling it issued (60111 for another case)', async () => {
    const mixed = data.members.find((m) => !m.denied && m.userid !== m.userid.toLowerCase());
    const lower = data.members.find((m) => !m.denied && m.userid === m.userid.toLowerCase());
    expect(mixed).withContext('a mixed-case member').toBeDefined();
    expect(lower).withContext('an all-lower-case member').toBeDefined();
    const exact = await client.get('user/get', { userid: mixed?.userid ?? '' });
    expect(exact).toEqual(jasmine.objectContaining({ errcode: 0, userid: mixed?.userid, name: mixed?.name }));
    expect((await client.get('user/get', { userid: mixed?.userid.toLowerCase() ?? '' })).errcode).toBe(60111);
    expect((await client.get('user/get', { userid: lower?.userid ?? '' })).errcode).toBe(0);
    expect((await client.get('user/get', { userid: lower?.userid.toUpperCase() ?? '' })).errcode).toBe(60111);
    // Other APIs still compare userids case-insensitively, as WeCom documents.
    const lives = await client.post('living/get_user_all_livingid', {
      userid: data.specials.mainAnchorUserid.toLowerCase(),
    });
    expect(lives.errcode).toBe(0);
  });

  it('sends text and textcard messages, listing invalid recipients', async () => {
    const visible = data.members.find((m) => !m.denied)?.userid as string;
    const text = await client.post('message/send', {
      touser: `${visible}|${data.specials.deniedUserid}|ghost`,
      msgtype: 'text',
      agentid: sim.agentid,
      text: { content: '直播邀请' },
    });
    expect(text).toEqual(
      jasmine.objectContaining({
        errcode: 0,
        errmsg: 'ok',
        invaliduser: `${data.specials.deniedUserid}|ghost`,
        msgid: jasmine.any(String),
      }),
    );
    const card = await client.post('message/send', {
      touser: visible,
      msgtype: 'textcard',
      agentid: sim.agentid,
      textcard: {
        title: '直播邀请',
        description: '<div>明天 14:00</div>',
        url: 'https://live.example.com/x',
      },
    });
    expect(card.errcode).toBe(0);
    const nobody = await client.post('message/send', {
      touser: 'ghost',
      msgtype: 'text',
      agentid: sim.agentid,
      text: { content: 'x' },
    });
    expect(nobody.errcode).toBe(81013);
    expect(nobody.invaliduser).toBe('ghost');
    const badCard = await client.post('message/send', {
      touser: visible,
      msgtype: 'textcard',
      agentid: sim.agentid,
      textcard: { title: 't', url: 'https://x' },
    });
    expect(badCard.errcode).toBe(41033);
    const otherApp = await client.post('message/send', {
      touser: visible,
      msgtype: 'text',
      agentid: 1000003,
      text: { content: 'x' },
    });
    expect(otherApp.errcode).toBe(301002);
    const sent = await client.admin<{ messages: unknown[] }>('GET', 'messages');
    expect(sent.messages.length).toBe(2);
  });

  it('uploads temporary media as multipart and refuses what WeCom refuses', async () => {
    const token = await client.token();
    const upload = async (
      type: string,
      bytes: Uint8Array,
      name = 'cover.png',
    ): Promise<Record<string, unknown>> => {
      const form = new FormData();
      form.append('media', new Blob([bytes]), name);
      const response = await fetch(`${sim.url}/cgi-bin/media/upload?access_token=${token}&type=${type}`, {
        method: 'POST',
        body: form,
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const image = await upload('image', png);
    expect(image).toEqual({
      errcode: 0,
      errmsg: '',
      type: 'image',
      media_id: jasmine.any(String),
      created_at: jasmine.stringMatching(/^\d{10}$/),
    });
    const file = await upload('file', new TextEncoder().encode('签到表 2025.3.13'), 'list.txt');
    expect(file.errcode).toBe(0);
    expect((await upload('image', new TextEncoder().encode('not an image'))).errcode).toBe(40004);
    expect((await upload('file', new Uint8Array([1, 2]))).errcode).toBe(40006);
    expect((await upload('sticker', png)).errcode).toBe(40005);

    // The uploaded image works as an activity cover.
    const { now } = await client.admin<{ now: number }>('GET', 'clock');
    const created = await client.post('living/create', {
      anchor_userid: data.specials.mainAnchorUserid,
      theme: '活动直播',
      living_start: now + 3600,
      living_duration: 1800,
      type: 4,
      activity_cover_mediaid: image.media_id,
    });
    expect(created.errcode).toBe(0);
  });
});

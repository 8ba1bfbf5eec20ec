// message/send as invitations use it: limits, per-recipient answers, case variants, departed people,
// WeCom's duplicate check, a delivered message whose answer times out, and the directory APIs.
import { startSimulator, type RunningSimulator } from './server.js';
import { SimClient, type DataSummary } from './spec-client.js';

describe('wecom-sim message/send for invitations', () => {
  let sim: RunningSimulator;
  let client: SimClient;
  let data: DataSummary;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 33, lives: 4, viewers: 20, members: 2600 });
    client = new SimClient(sim);
    data = await client.data();
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await client.admin('POST', 'reset', {});
  });

  const card = (title = '直播邀请：季度复盘') => ({
    title,
    description: '<div class="gray">2026-12-08 20:00</div>',
    url: 'https://live.example.com/l/1',
  });
  const send = (fields: Record<string, unknown>) =>
    client.post('message/send', { msgtype: 'textcard', agentid: sim.agentid, textcard: card(), ...fields });
  const visible = () => data.members.filter((m) => !m.denied);

  it('refuses more than 1000 userids in touser and delivers nothing', async () => {
    const ids = visible()
      .slice(0, 1001)
      .map((m) => m.userid);
    const answer = await send({ touser: ids.join('|') });
    expect(answer.errcode).toBe(40058);
    expect(answer.errmsg).toContain('touser exceed max size 1000');
    expect((await client.messages()).messages.length).toBe(0);
    const ok = await send({ touser: ids.slice(0, 1000).join('|') });
    expect(ok.errcode).toBe(0);
    expect((await client.messages()).delivered).toBe(1000);
  });

  it('answers invaliduser spelt as sent for unknown, departed and hidden ids, and delivers to case variants as stored', async () => {
    const mixed = visible().find((m) => m.userid !== m.userid.toLowerCase());
    const denied = data.members.find((m) => m.denied);
    expect(data.departed.length).toBeGreaterThanOrEqual(2);
    const touser = [
      mixed?.userid.toLowerCase(),
      mixed?.userid.toUpperCase(),
      'ghost-user',
      data.departed[0],
      denied?.userid,
    ].join('|');
    const answer = await send({ touser, toparty: '2|6|99' });
    expect(answer.errcode).toBe(0);
    expect(answer.invaliduser).toBe(['ghost-user', data.departed[0], denied?.userid].join('|'));
    expect(answer.invalidparty).toBe('6|99');
    const { messages } = await client.messages();
    const delivered = messages[0]?.delivered ?? [];
    expect(delivered).toContain(mixed?.userid as string);
    expect(delivered.filter((u) => u === mixed?.userid).length).toBe(1);
    expect(delivered.length).toBe(new Set(delivered).size);
    expect(delivered).not.toContain('ghost-user');
  });

  it('answers 81013 when nobody is valid', async () => {
    const answer = await send({ touser: `${data.departed.join('|')}` });
    expect(answer.errcode).toBe(81013);
    expect(answer.invaliduser).toBe(data.departed.join('|'));
  });

  it('drops the same card to the same people within duplicate_check_interval', async () => {
    const ids = visible()
      .slice(0, 3)
      .map((m) => m.userid);
    const body = { touser: ids.join('|'), enable_duplicate_check: 1, duplicate_check_interval: 14400 };
    const first = await send(body);
    const second = await send(body);
    expect(second.errcode).toBe(0);
    expect(second.msgid).toBe(first.msgid);
    const view = await client.messages();
    expect(view.messages.length).toBe(1);
    expect(view.duplicatesSuppressed).toBe(1);
    // Without the check, or another card, it is delivered again.
    await send({ touser: ids.join('|') });
    await client.post('message/send', {
      msgtype: 'textcard',
      agentid: sim.agentid,
      textcard: card('另一场'),
      ...body,
    });
    expect((await client.messages()).messages.length).toBe(3);
    // Past the window it goes out again.
    await client.admin('POST', 'clock', { advanceSeconds: 14401 });
    await send(body);
    expect((await client.messages()).messages.length).toBe(4);
  });

  it('delivers a message whose answer comes too late for the caller (answerDelayMs after processing)', async () => {
    await client.admin('POST', 'faults', { api: 'message/send', afterProcessing: true, answerDelayMs: 400 });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const token = await client.token();
    const request = fetch(`${sim.url}/cgi-bin/message/send?access_token=${token}`, {
      method: 'POST',
      body: JSON.stringify({
        touser: visible()[0]?.userid,
        msgtype: 'textcard',
        agentid: sim.agentid,
        textcard: card(),
      }),
      signal: controller.signal,
    });
    await expectAsync(request).toBeRejected();
    clearTimeout(timer);
    // The write happened although the caller saw a timeout.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await client.messages()).messages.length).toBe(1);
  });

  it('lists the visible departments and their members as stored, departed people left out', async () => {
    const departments = await client.get('department/list');
    expect(departments.errcode).toBe(0);
    const ids = (departments.department as Array<{ id: number; name: string }>).map((d) => d.id);
    expect(ids).toEqual([2, 3, 4, 5]);
    const listed = new Set<string>();
    for (const id of ids) {
      const answer = await client.get('user/simplelist', { department_id: String(id), fetch_child: '1' });
      expect(answer.errcode).toBe(0);
      for (const user of answer.userlist as Array<{ userid: string }>) listed.add(user.userid);
    }
    expect(listed.size).toBe(visible().length);
    for (const departed of data.departed) expect(listed.has(departed)).toBeFalse();
    expect((await client.get('user/simplelist', { department_id: '6' })).errcode).toBe(60011);
    expect((await client.get('department/list', { id: '6' })).errcode).toBe(60011);
  });
});

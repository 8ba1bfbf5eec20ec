import type { WeComError } from './errors.js';
import { rejectionOf, startSimFixture, type SimFixture } from './testing/sim-fixture.js';

// The directory APIs invitations pick recipients from, and message/send with the duplicate check.
describe('WeComGateway directory and invitation messages (simulator)', () => {
  let fx: SimFixture;

  beforeAll(async () => {
    fx = await startSimFixture({ lives: 4, viewers: 20, members: 24 });
  });
  afterAll(() => fx.close());
  beforeEach(() => fx.reset());

  it('lists the visible departments and their members with userids as stored', async () => {
    const gateway = fx.gateway();
    const data = await fx.client.data();
    const departments = await gateway.listDepartments();
    expect(departments.map((d) => d.id)).toEqual([2, 3, 4, 5]);
    expect(departments.every((d) => d.name !== '')).toBeTrue();
    const seen = new Map<string, string>();
    for (const department of departments) {
      for (const member of await gateway.departmentMembers(department.id, true))
        seen.set(member.userid, member.name);
    }
    const visible = data.members.filter((m) => !m.denied);
    expect([...seen.keys()].sort()).toEqual(visible.map((m) => m.userid).sort());
    const denied = (await rejectionOf(gateway.departmentMembers(6))) as WeComError;
    expect(denied.errcode).toBe(60011);
  });

  it('sends a text card once when the same one is sent again within the duplicate-check window', async () => {
    const gateway = fx.gateway();
    const data = await fx.client.data();
    const touser = data.members
      .filter((m) => !m.denied)
      .slice(0, 3)
      .map((m) => m.userid)
      .join('|');
    const message = {
      touser,
      msgtype: 'textcard' as const,
      textcard: {
        title: '直播邀请：测试',
        description: '<div class="gray">明天</div>',
        url: 'https://x.example/',
      },
      enable_duplicate_check: 1 as const,
      duplicate_check_interval: 14_400,
    };
    const first = await gateway.sendMessage(message);
    const second = await gateway.sendMessage(message);
    expect(second.msgid).toBe(first.msgid as string);
    const view = await fx.client.messages();
    expect(view.messages.length).toBe(1);
    expect(view.duplicatesSuppressed).toBe(1);
  });
});

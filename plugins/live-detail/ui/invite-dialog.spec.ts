import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import {
  buildInviteCard,
  cardLines,
  type InviteDirectoryAnswer,
  type InviteSendInput,
} from '../shared/invite-api.js';
import { parseUserids } from '../shared/invite-schemas.js';
import { InviteDialog, mergeRecipients } from './invite-dialog.js';

const LIVE = {
  corpId: 'corp-1',
  livingid: 'lv-open',
  theme: '季度销售复盘',
  anchorUserid: 'LinYong',
  anchorName: '林勇',
  // 2026-12-08 12:00 UTC: 20:00 in Beijing.
  reserveStart: Date.UTC(2026, 11, 8, 12, 0) / 1000,
  reserveDuration: 3600,
  status: 0,
} as unknown as LiveRecord;

const DIRECTORY: InviteDirectoryAnswer = {
  readable: true,
  notice: null,
  departments: [
    { id: 2, name: '销售部', members: 12 },
    { id: 3, name: '市场部', members: 8 },
  ],
  members: [
    { userid: 'WangDeSheng', name: '王德胜', departments: [2] },
    { userid: 'zhaojing', name: '赵静', departments: [3] },
  ],
  total: 2,
};

describe('invitation recipients and card', () => {
  it('splits a paste on new lines, commas, semicolons (also full width) and spaces; dedupes case-insensitively', () => {
    const parsed = parseUserids(
      'WangDeSheng\nzhaojing, wangdesheng；LiYun;  liyun\tHeJun，\n\n坏的id\nok.id@x',
    );
    expect(parsed.userids).toEqual(['WangDeSheng', 'zhaojing', 'LiYun', 'HeJun', 'ok.id@x']);
    expect(parsed.duplicates).toBe(2);
    expect(parsed.malformed).toEqual(['坏的id']);
  });

  it('keeps an id of 64 characters and sets a longer one apart', () => {
    const parsed = parseUserids(`${'a'.repeat(64)}\n${'b'.repeat(65)}`);
    expect(parsed.userids.length).toBe(1);
    expect(parsed.malformed.length).toBe(1);
  });

  it('merges picked and pasted recipients once each', () => {
    expect(mergeRecipients(['WangDeSheng', 'zhaojing'], ['WANGDESHENG', 'LiYun'])).toEqual([
      'WangDeSheng',
      'zhaojing',
      'LiYun',
    ]);
  });

  it('builds the card with theme, time in the zone, anchor, the live id and the note, escaped', () => {
    const card = buildInviteCard({
      live: LIVE,
      link: ' https://x.example/l ',
      note: '带上<笔记本>',
      timeZone: 'Asia/Shanghai',
    });
    expect(card.title).toBe('直播邀请：季度销售复盘');
    expect(card.url).toBe('https://x.example/l');
    expect(card.description).toContain('&lt;笔记本&gt;');
    expect(cardLines(card)).toEqual(['2026-12-08 20:00', '主播：林勇', '直播 ID：lv-open', '带上<笔记本>']);
  });
});

describe('InviteDialog', () => {
  let fixture: ComponentFixture<InviteDialog>;
  let fake: FakeTransport;
  let closed: unknown[];

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }
  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (selector: string): string =>
    (root().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const click = async (selector: string): Promise<void> => {
    root().querySelector<HTMLElement>(selector)?.click();
    await settle();
  };
  const type = async (selector: string, value: string): Promise<void> => {
    const field = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (field === null) throw new Error(`no ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await settle();
  };
  const tab = async (label: string): Promise<void> => {
    const tabs = [...root().querySelectorAll<HTMLElement>('[role="tab"]')];
    tabs.find((t) => (t.textContent ?? '').includes(label))?.click();
    await settle();
  };

  beforeEach(async () => {
    localStorage.removeItem('wl.live-detail.invite-link');
    closed = [];
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        { provide: MAT_DIALOG_DATA, useValue: { live: LIVE } },
        { provide: MatDialogRef, useValue: { close: (value: unknown) => closed.push(value) } },
      ],
    });
    fake = new FakeTransport();
    TestBed.inject(RpcClient).use(fake);
    TestBed.inject(AppSession).signedIn({
      session: 'test-session',
      user: { userid: 'zhangsan', username: '张三', tier: 'user' },
      corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
    });
    fake.answer('live-detail.inviteDirectory', DIRECTORY);
    fake.answer('live-detail.inviteResolve', (input: unknown) => {
      const { userids } = input as { userids: string[] };
      return {
        readable: true,
        known: userids
          .filter((u) => u.toLowerCase() !== 'ghost')
          .map((u) => ({ userid: u, name: '', departments: [] })),
        unknown: userids.filter((u) => u.toLowerCase() === 'ghost'),
      };
    });
    fake.answer('live-detail.invite', { invitationId: 'inv-1', jobId: null, replayed: false });
    fixture = TestBed.createComponent(InviteDialog);
    await settle();
  });

  it('previews the card and follows the note as it is typed', async () => {
    expect(text('[data-testid="card-preview"]')).toContain('直播邀请：季度销售复盘');
    expect(text('[data-testid="card-preview"]')).toContain('主播：林勇');
    await type('[data-testid="invite-note"]', '请提前五分钟进入');
    expect(text('[data-testid="card-preview"]')).toContain('请提前五分钟进入');
  });

  it('refuses to send to nobody, naming what to do', async () => {
    await type('[data-testid="invite-link"]', 'https://live.example.com/l/1');
    await click('[data-testid="send-invite"]');
    expect(text('[data-testid="invite-error"]')).toContain('收件人为空');
    expect(fake.callsTo('live-detail.invite').length).toBe(0);
  });

  it('counts a messy paste once per person, finds unknown ids and removes them before sending', async () => {
    await tab('粘贴 userid');
    await type('[data-testid="paste-userids"]', 'WangDeSheng\nwangdesheng；ghost, zhaojing zhaojing');
    expect(text('[data-testid="recipient-count"]')).toContain('收件人 3 人');
    await type('[data-testid="invite-link"]', 'https://live.example.com/l/1');
    await click('[data-testid="send-invite"]');
    expect(text('[data-testid="invite-error"]')).toContain('不在企业通讯录中');
    expect(text('[data-testid="unknown-userids"]')).toContain('ghost');
    expect(fake.callsTo('live-detail.invite').length).toBe(0);

    await click('[data-testid="remove-invalid"]');
    expect(text('[data-testid="recipient-count"]')).toContain('收件人 2 人');
    await click('[data-testid="send-invite"]');
    const [sent] = fake.callsTo('live-detail.invite') as InviteSendInput[];
    expect(sent?.userids).toEqual(['WangDeSheng', 'zhaojing']);
    expect(sent?.link).toBe('https://live.example.com/l/1');
    expect(sent?.idempotencyKey.length).toBeGreaterThan(8);
    expect(closed).toEqual([{ invitationId: 'inv-1', result: null }]);
  });

  it('picks members by search and departments, and sends both', async () => {
    const boxes = [
      ...root().querySelectorAll<HTMLInputElement>('ul[aria-label="成员"] input[type="checkbox"]'),
    ];
    expect(boxes.length).toBe(2);
    boxes[0]?.click();
    await settle();
    await tab('按部门');
    root().querySelector<HTMLInputElement>('ul[aria-label="部门"] input[type="checkbox"]')?.click();
    await settle();
    expect(text('[data-testid="recipient-count"]')).toContain('收件人 1 人，部门 1 个');
    await type('[data-testid="invite-link"]', 'https://live.example.com/l/1');
    await click('[data-testid="send-invite"]');
    const [sent] = fake.callsTo('live-detail.invite') as InviteSendInput[];
    expect(sent?.userids).toEqual(['WangDeSheng']);
    expect(sent?.departmentIds).toEqual([2]);
  });

  it('says what a bad link needs', async () => {
    await tab('粘贴 userid');
    await type('[data-testid="paste-userids"]', 'WangDeSheng');
    await type('[data-testid="invite-link"]', 'live.example.com');
    await click('[data-testid="send-invite"]');
    expect(text('[data-testid="invite-error"]')).toContain('观看链接应以 http:// 或 https:// 开头');
  });

  it("checks the rest by the channel's schema, in its words, before anything is sent", async () => {
    await tab('粘贴 userid');
    await type('[data-testid="paste-userids"]', 'WangDeSheng');
    await type('[data-testid="invite-link"]', 'https://live.example.com/l/1');
    await type('[data-testid="invite-note"]', '很'.repeat(101));
    await click('[data-testid="send-invite"]');
    expect(text('[data-testid="invite-error"]')).toContain('附言最多 100 个字，请删减附言后再发送。');
    expect(fake.callsTo('live-detail.invite')).toEqual([]);
  });
});

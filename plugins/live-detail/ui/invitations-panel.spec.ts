import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { InvitationSummary } from '../shared/invite-api.js';
import { InvitationsPanel, inviteOutcome } from './invitations-panel.js';

const LIVE = {
  livingid: 'lv-open',
  theme: '季度复盘',
  status: 0,
  reserveStart: 1_765_000_000,
  anchorUserid: 'LinYong',
  anchorName: null,
} as LiveRecord;

function invitation(overrides: Partial<InvitationSummary> = {}): InvitationSummary {
  return {
    id: 'inv-1',
    livingid: 'lv-open',
    senderUserid: 'zhangsan',
    createdAt: Date.UTC(2026, 11, 7, 2, 0),
    finishedAt: Date.UTC(2026, 11, 7, 2, 1),
    note: '请准时',
    card: { title: '直播邀请：季度复盘', description: '', url: 'https://x.example/', btntxt: '观看' },
    departmentIds: [],
    invalidDepartments: [],
    batches: 3,
    counts: { total: 2500, sent: 1499, invalid: 1, failed: 1000, unknown: 0, pending: 0 },
    jobId: null,
    ...overrides,
  };
}

@Component({
  imports: [InvitationsPanel],
  template: `<wl-invitations-panel [live]="live()" (sent)="sent = sent + 1" />`,
})
class Host {
  readonly live = signal<LiveRecord>(LIVE);
  sent = 0;
}

describe('InvitationsPanel', () => {
  let fixture: ComponentFixture<Host>;
  let fake: FakeTransport;

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      fixture.detectChanges();
      await fixture.whenStable();
    }
  }
  const text = (root: ParentNode, selector: string): string =>
    (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  async function render(query: Record<string, string> = {}, live: LiveRecord = LIVE): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideAppState(),
        provideAppIcons(),
        provideRouter([]),
        { provide: ActivatedRoute, useValue: { snapshot: { queryParamMap: convertToParamMap(query) } } },
      ],
    });
    fake = new FakeTransport();
    TestBed.inject(RpcClient).use(fake);
    TestBed.inject(AppSession).signedIn({
      session: 'test-session',
      user: { userid: 'zhangsan', username: '张三', tier: 'user' },
      corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
    });
    fake.answer('live-detail.invitations', [invitation()]);
    fake.answer('live-detail.inviteDirectory', {
      readable: true,
      notice: null,
      departments: [],
      members: [],
      total: 0,
    });
    fake.answer('live-detail.invitationRecipients', {
      rows: [
        {
          userid: 'ghost',
          name: '',
          state: 'invalid',
          errcode: 0,
          reason: '企业微信退回',
          sentAt: null,
          attempts: 1,
        },
      ],
      total: 1,
    });
    fake.answer('live-detail.inviteRetry', {
      invitationId: 'inv-1',
      jobId: null,
      replayed: false,
      recipients: 1000,
      unknownTooOld: 0,
    });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.live.set(live);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists past invitations with their counts and retries only the failed ones', async () => {
    const root = await render();
    expect(text(root, '[data-testid="invitation-counts"]')).toContain('已发送 1499');
    expect(text(root, '[data-testid="invitation-counts"]')).toContain('失败 1000');
    expect(text(root, '[data-testid="invitation-counts"]')).toContain('退回 1');
    const retry = root.querySelector<HTMLButtonElement>('[data-testid="retry-failed"]');
    expect(text(root, '[data-testid="retry-failed"]')).toContain('重试失败的（1000 人）');
    retry?.click();
    await settle();
    expect(fake.callsTo('live-detail.inviteRetry')).toEqual([{ invitationId: 'inv-1' }]);
  });

  it('shows why recipients did not get it', async () => {
    const root = await render();
    [...root.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('查看未送达的'))
      ?.click();
    await settle();
    expect(text(root, 'ul[aria-label="未送达的收件人"]')).toContain('企业微信退回');
  });

  it('opens the invite dialog once for ?invite=1', async () => {
    await render({ invite: '1' });
    expect(document.querySelector('wl-invite-dialog')).not.toBeNull();
    expect(fake.callsTo('live-detail.inviteDirectory').length).toBe(1);
  });

  it('offers no invitation for a cancelled live, and says why', async () => {
    const root = await render({ invite: '1' }, { ...LIVE, status: 4 });
    expect(root.querySelector('[data-testid="open-invite"]')).toBeNull();
    expect(root.textContent).toContain('这场直播已取消，不能再邀请观看');
    expect(root.querySelector('[data-testid="retry-failed"]')).toBeNull();
    expect(document.querySelector('wl-invite-dialog')).toBeNull();
  });

  it('words the outcome of a send', () => {
    expect(inviteOutcome({ total: 6, sent: 0, invalid: 0, failed: 6, unknown: 0, pending: 0 })).toContain(
      '没有送达',
    );
    expect(inviteOutcome({ total: 6, sent: 5, invalid: 1, failed: 0, unknown: 0, pending: 0 })).toBe(
      '邀请已发送给 5 人，1 人未收到，见下方原因',
    );
  });
});

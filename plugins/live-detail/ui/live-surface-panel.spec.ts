import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import { LiveSurfacePanel } from './live-surface-panel.js';

const QR =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function live(overrides: Partial<LiveRecord> = {}): LiveRecord {
  return {
    livingid: 'lv-9',
    theme: '产品发布会',
    status: 2,
    type: 4,
    openReplay: 1,
    replayStatus: 0,
    reserveStart: 1_762_280_000,
    actualStart: 1_762_280_300,
    ...overrides,
  } as LiveRecord;
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

/** Settles until `done` holds (a dialog closes after its exit animation); gives up after a while. */
async function until(fixture: ComponentFixture<unknown>, done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await fixture.whenStable();
  }
}

const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function render(tier: 'user' | 'wecom-admin', record = live(), inviterSupported = true) {
  sessionStorage.clear();
  TestBed.configureTestingModule({ providers: [provideAppState(), provideAppIcons()] });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  TestBed.inject(AppSession).signedIn({
    session: 's',
    user: { userid: 'u1', username: '用户', tier },
    corp: { corpId: 'c1', corpname: '企业', agentid: 1000002, appName: '直播助手' },
  });
  const fixture = TestBed.createComponent(LiveSurfacePanel);
  fixture.componentRef.setInput('live', record);
  fixture.componentRef.setInput('inviterSupported', inviterSupported);
  let changed = 0;
  fixture.componentInstance.changed.subscribe(() => (changed += 1));
  return { fixture, fake, changed: () => changed, element: fixture.nativeElement as HTMLElement };
}

describe('LiveSurfacePanel: replay, viewing code and share info on the detail page', () => {
  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    sessionStorage.clear();
  });

  it('lets a WeCom admin delete the replay after a confirmation that names the live', async () => {
    const { fixture, fake, changed, element } = render('wecom-admin');
    fake.answer('live-detail.deleteReplay', { livingid: 'lv-9', theme: '产品发布会', replayStatus: 2 });
    await settle(fixture);
    expect(text(element.querySelector('[data-testid="replay-state"]'))).toBe('回放状态：已生成');
    element.querySelector<HTMLButtonElement>('[data-testid="delete-replay"]')?.click();
    await settle(fixture);
    expect(text(document.querySelector('[data-testid="replay-delete-message"]'))).toContain(
      '将在企业微信中删除「产品发布会」',
    );
    expect(fake.calls.some((call) => call.channel === 'live-detail.deleteReplay')).toBeFalse();
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-delete-replay"]')?.click();
    await until(fixture, () => changed() > 0);
    expect(fake.calls.find((call) => call.channel === 'live-detail.deleteReplay')?.input).toEqual({
      livingid: 'lv-9',
    });
    expect(changed()).toBe(1);
  });

  it('shows the host’s reason when there is no replay to delete', async () => {
    const { fixture, fake, element } = render('wecom-admin');
    fake.fail('live-detail.deleteReplay', {
      code: 'INVALID_INPUT',
      message: '「产品发布会」没有可删除的回放：回放已被删除。',
      details: { field: 'livingid' },
    });
    await settle(fixture);
    element.querySelector<HTMLButtonElement>('[data-testid="delete-replay"]')?.click();
    await settle(fixture);
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-delete-replay"]')?.click();
    await until(fixture, () => element.querySelector('[role="alert"]') !== null);
    expect(text(element.querySelector('[role="alert"]'))).toBe(
      '「产品发布会」没有可删除的回放：回放已被删除。',
    );
  });

  it('offers no deletion to a member, and none before the live ended', async () => {
    const member = render('user');
    await settle(member.fixture);
    expect(member.element.querySelector('[data-testid="delete-replay"]')).toBeNull();
    expect(text(member.element)).toContain('删除回放需要企微管理员权限');
    TestBed.resetTestingModule();
    const reserved = render('wecom-admin', live({ status: 0, replayStatus: null }));
    await settle(reserved.fixture);
    expect(reserved.element.querySelector('[data-testid="delete-replay"]')).toBeNull();
    expect(text(reserved.element)).toContain('直播结束后，企业微信才会生成回放');
  });

  it('gets a viewing code for an openid and shows it as a QR image to save or copy', async () => {
    const { fixture, fake, element } = render('user');
    fake.answer('live-detail.livingCode', (input: unknown) => ({
      livingid: 'lv-9',
      openid: (input as { openid: string }).openid,
      livingCode: 'CODE-123',
      qrDataUrl: QR,
      expiresAt: '2026-12-07T03:05:00.000Z',
    }));
    await settle(fixture);
    const openid = element.querySelector<HTMLInputElement>('input[name="openid"]');
    if (openid === null) throw new Error('no openid field');
    openid.value = 'oWx-1';
    openid.dispatchEvent(new Event('input'));
    openid.form?.requestSubmit();
    await settle(fixture);
    expect(fake.calls.find((call) => call.channel === 'live-detail.livingCode')?.input).toEqual({
      livingid: 'lv-9',
      openid: 'oWx-1',
    });
    const result = element.querySelector('[data-testid="living-code"]');
    expect(result?.querySelector('img')?.getAttribute('src')).toBe(QR);
    expect(text(result)).toContain('CODE-123');
    expect(text(result)).toContain('有效至 2026-12-07 11:05');
    expect(result?.querySelector('a[download]')?.getAttribute('download')).toBe('观看码-lv-9.png');
  });

  it("checks the openid by the channel's own rule before asking: its message under the field", async () => {
    const { fixture, fake, element } = render('user');
    await settle(fixture);
    const openid = element.querySelector<HTMLInputElement>('input[name="openid"]');
    if (openid === null) throw new Error('no openid field');
    openid.value = 'o Wx/1';
    openid.dispatchEvent(new Event('input'));
    openid.form?.requestSubmit();
    await settle(fixture);
    expect(fake.calls.some((call) => call.channel === 'live-detail.livingCode')).toBeFalse();
    expect(text(openid.closest('mat-form-field'))).toContain('openid 只能包含字母、数字、_ 和 -');
  });

  it('names the viewer of a share code and who shared it; only for a live with inviters', async () => {
    const { fixture, fake, element } = render('user');
    fake.answer('live-detail.shareInfo', {
      livingid: 'lv-9',
      viewer: { kind: 'external', id: 'wm-1', name: '微笑向暖' },
      invitor: { kind: 'internal', id: 'zhangsan', name: '张三' },
    });
    await settle(fixture);
    const code = element.querySelector<HTMLInputElement>('input[name="shareCode"]');
    if (code === null) throw new Error('no share code field');
    code.value = 'SHARE1';
    code.dispatchEvent(new Event('input'));
    code.form?.requestSubmit();
    await settle(fixture);
    const people = [...element.querySelectorAll('[data-testid="share-info"] dd')].map((dd) => text(dd));
    expect(people).toEqual(['微笑向暖（外部联系人 wm-1）', '张三（成员 zhangsan）']);
    TestBed.resetTestingModule();
    const plain = render('user', live({ type: 3 }), false);
    await settle(plain.fixture);
    expect(plain.element.querySelector('input[name="shareCode"]')).toBeNull();
  });
});

import { Component } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { provideChineseDates } from '../../../sdk/ui/chinese-dates.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { CreatedLiveAnswer, CreateLiveInput } from '../shared/live-create-api.js';
import { LiveCreatePage } from './live-create-page.js';

@Component({ selector: 'wlc-test-list', template: '列表' })
class ListPage {}

const PNG_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function created(theme: string): CreatedLiveAnswer {
  const live = { livingid: 'lv-new-1', theme, anchorUserid: 'zhangsan', reserveStart: 0 } as LiveRecord;
  return { livingid: live.livingid, live, pulls: [], replayed: false, reconciled: false };
}

async function render(listEnabled: boolean, detailEnabled = false) {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      provideAppIcons(),
      provideRouter([
        { path: 'lives', component: ListPage },
        { path: 'live/:livingid', component: ListPage },
      ]),
      provideChineseDates(),
    ],
  });
  const fake = new FakeTransport()
    .answer('live-create.recent', { rows: [], total: 0 })
    .answer('host.status', {
      version: '1.0.0',
      firstRun: false,
      timeZone: 'Asia/Shanghai',
      plugins: [
        ...(listEnabled ? [{ id: 'live-list', title: '成员直播列表', version: '1', state: 'enabled' }] : []),
        ...(detailEnabled ? [{ id: 'live-detail', title: '直播详情', version: '1', state: 'enabled' }] : []),
      ],
    });
  TestBed.inject(RpcClient).use(fake);
  const session = TestBed.inject(AppSession);
  session.signedIn({
    session: 's',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-img', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  await session.refreshStatus();
  const fixture = TestBed.createComponent(LiveCreatePage);
  await settle(fixture);
  return { fixture, fake, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe('LiveCreatePage: cover and share images, and what follows a creation', () => {
  afterEach(() => {
    localStorage.removeItem('wl.live-create.afterCreate:corp-img:zhangsan');
    sessionStorage.clear();
  });

  function element(fixture: ComponentFixture<unknown>): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function pickerButton(fixture: ComponentFixture<unknown>, field: string): HTMLButtonElement | null {
    return element(fixture).querySelector<HTMLButtonElement>(`[data-field="${field}"] button`);
  }

  it('offers the images only for an activity live, previews a checked one and sends its file at submit', async () => {
    const { fixture, fake, loader } = await render(false);
    expect(pickerButton(fixture, 'cover')?.disabled).toBeTrue();
    expect(text(element(fixture).querySelector('[data-testid="live-images"]'))).toContain(
      '只有「活动直播」使用封面图和分享图',
    );
    const type = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=type]' }));
    await type.open();
    await type.clickOptions({ text: '活动直播' });
    await settle(fixture);
    fake.answer('files.pickOpen', { fileId: 'f-cover', name: '封面.png', size: 68 });
    fake.answer('live-create.checkImage', {
      fileId: 'f-cover',
      name: '封面.png',
      size: 68,
      dataUrl: PNG_URL,
    });
    pickerButton(fixture, 'cover')?.click();
    await settle(fixture);
    const pick = fake.calls.find((call) => call.channel === 'files.pickOpen')?.input as Record<
      string,
      unknown
    >;
    expect(pick['extensions']).toEqual(['jpg', 'jpeg', 'png']);
    const preview = element(fixture).querySelector<HTMLImageElement>('[data-field="cover"] img');
    expect(preview?.getAttribute('src')).toBe(PNG_URL);
    expect(preview?.alt).toBe('封面图预览：封面.png');
    expect(fake.calls.some((call) => call.channel === 'live-create.create')).toBeFalse();
    fake.answer('live-create.create', created('发布会'));
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('发布会');
    element(fixture).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    const sent = fake.calls.find((call) => call.channel === 'live-create.create')?.input as CreateLiveInput;
    expect(sent.type).toBe(4);
    expect(sent.cover_file_id).toBe('f-cover');
    expect(sent.share_file_id).toBeUndefined();
  });

  it('shows the host’s refusal of a wrong image next to it, naming the field', async () => {
    const { fixture, fake, loader } = await render(false);
    const type = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=type]' }));
    await type.open();
    await type.clickOptions({ text: '活动直播' });
    await settle(fixture);
    fake.answer('files.pickOpen', { fileId: 'f-gif', name: 'a.png', size: 20 });
    fake.fail('live-create.checkImage', {
      code: 'INVALID_INPUT',
      message: '分享图：只支持 JPG 或 PNG 图片，请另存为 JPG/PNG 后重新选择。',
      details: { field: 'share_file_id' },
    });
    pickerButton(fixture, 'share')?.click();
    await settle(fixture);
    const share = text(element(fixture).querySelector('[data-field="share"]'));
    expect(share).toContain('分享图：只支持 JPG 或 PNG 图片');
    expect(element(fixture).querySelector('[data-field="share"] img')).toBeNull();
  });

  it('opens the live list with the new live after a creation, or stays when the user chose so (remembered)', async () => {
    const first = await render(true);
    first.fake.answer('live-create.create', created('季度培训'));
    const theme = await first.loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName=theme]' }),
    );
    await theme.setValue('季度培训');
    element(first.fixture).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(first.fixture);
    expect(TestBed.inject(Router).url).toBe('/lives?keyword=lv-new-1');
    const box = element(first.fixture).querySelector<HTMLInputElement>(
      '[data-testid="after-create-open-list"] input',
    );
    expect(box?.checked).toBeTrue();
    box?.click();
    await settle(first.fixture);
    expect(localStorage.getItem('wl.live-create.afterCreate:corp-img:zhangsan')).toBe('stay');
  });

  it('offers 邀请观看 in the notice after opening the list, which opens the invite dialog’s route', async () => {
    const { fixture, fake, loader } = await render(true, true);
    fake.answer('live-create.create', created('邀请培训'));
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('邀请培训');
    element(fixture).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/lives?keyword=lv-new-1');
    const notice = document.querySelector('mat-snack-bar-container');
    expect(text(notice)).toContain('创建成功');
    const action = [...(notice?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((button) =>
      button.textContent?.includes('邀请观看'),
    );
    expect(action).toBeDefined();
    action?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/live/lv-new-1?invite=1');
  });

  it('stays on the form with the confirmation when the remembered choice is to stay', async () => {
    localStorage.setItem('wl.live-create.afterCreate:corp-img:zhangsan', 'stay');
    const { fixture, fake, loader } = await render(true);
    fake.answer('live-create.create', created('留下'));
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('留下');
    element(fixture).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(text(element(fixture))).toContain('直播创建成功');
    expect(
      element(fixture).querySelector<HTMLInputElement>('[data-testid="after-create-open-list"] input')
        ?.checked,
    ).toBeFalse();
  });
});

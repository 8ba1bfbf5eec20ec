import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideChineseDates } from '../../../sdk/ui/chinese-dates.js';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatDatepickerToggleHarness } from '@angular/material/datepicker/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { CreatedLiveAnswer, CreateLiveInput } from '../shared/live-create-api.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { LiveCreatePage } from './live-create-page.js';

const START = Math.floor(Date.now() / 1000) + 86_400;

function live(overrides: Partial<LiveRecord> = {}): LiveRecord {
  return {
    corpId: 'corp-1',
    livingid: 'lv-created-1',
    theme: '新品培训',
    description: '',
    type: 3,
    status: 0,
    anchorUserid: 'zhangsan',
    anchorName: '张三',
    mainDepartment: null,
    reserveStart: START,
    reserveDuration: 3600,
    actualStart: null,
    actualDuration: null,
    remindTime: null,
    viewerNum: null,
    commentNum: null,
    micNum: null,
    openReplay: null,
    replayStatus: null,
    pushStreamUrl: null,
    onlineCount: null,
    subscribeCount: null,
    peakOnline: null,
    peakOnlineAt: null,
    peakOnlineSamples: 0,
    createdByUs: true,
    creatorUserid: 'zhangsan',
    createdAt: Date.now(),
    lastSyncedAt: null,
    statsSyncedAt: null,
    ...overrides,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(recent: LiveRecord[] = []) {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [provideAppState(), provideAppIcons(), provideRouter([]), provideChineseDates()],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  TestBed.inject(AppSession).signedIn({
    session: 'test-session',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  fake.answer('live-create.recent', () => ({
    rows: recent.map((row) => ({ live: row, pulls: [] })),
    total: recent.length,
  }));
  const fixture = TestBed.createComponent(LiveCreatePage);
  await settle(fixture);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return { fixture, fake, loader };
}

describe('LiveCreatePage', () => {
  it('prefills the anchor from the login and shows the empty recent list', async () => {
    const { fixture, loader } = await render();
    const anchor = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName=anchorUserid]' }),
    );
    expect(await anchor.getValue()).toBe('zhangsan');
    const name = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=anchorName]' }));
    expect(await name.getValue()).toBe('张三');
    expect(text(fixture.nativeElement)).toContain('还没有在本应用创建的直播');
    expect(text(fixture.nativeElement)).toContain('直播时长 1 小时');
  });

  it('counts theme characters as typed', async () => {
    const { fixture, loader } = await render();
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('直播😀');
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('3 / 20');
  });

  it('refuses a theme over 20 without calling the host', async () => {
    const { fixture, fake, loader } = await render();
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('一二三四五六七八九十一二三四五六七八九十一');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('直播主题最多 20 个字（当前 21 个）');
    expect(fake.calls.some((call) => call.channel === 'live-create.create')).toBeFalse();
  });

  it('warns on a type other than 企业培训 and turns the description off for 活动直播', async () => {
    const { fixture, loader } = await render();
    const type = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=type]' }));
    await type.open();
    await type.clickOptions({ text: '小班课' });
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('K12');
    await type.open();
    await type.clickOptions({ text: '活动直播' });
    await settle(fixture);
    const description = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName=description]' }),
    );
    expect(await description.isDisabled()).toBeTrue();
    expect(text(fixture.nativeElement)).toContain('活动直播不支持简介');
  });

  it('submits the payload with an idempotency key and shows the confirmation with the pulls', async () => {
    const { fixture, fake, loader } = await render();
    const created = live({ theme: '季度培训' });
    fake.answer('live-create.create', (): CreatedLiveAnswer => ({
      livingid: created.livingid,
      live: created,
      pulls: [
        { stage: 'after-create', runAt: Date.now() + 600_000 },
        { stage: 'after-start', runAt: (START + 300) * 1000 },
        { stage: 'after-end', runAt: (START + 4200) * 1000 },
      ],
      replayed: false,
      reconciled: false,
    }));
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('季度培训');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    const sent = fake.calls.find((call) => call.channel === 'live-create.create')?.input as CreateLiveInput;
    expect(sent).toEqual(
      jasmine.objectContaining({
        anchor_userid: 'zhangsan',
        anchor_name: '张三',
        theme: '季度培训',
        type: 3,
        living_duration: 3600,
      }),
    );
    expect(sent.living_start).toBeGreaterThan(Date.now() / 1000);
    expect(sent.idempotencyKey).toMatch(/^[\w-]{8,64}$/);
    expect(sent.description).toBeUndefined();
    const page = text(fixture.nativeElement);
    expect(page).toContain('直播创建成功');
    expect(page).toContain('lv-created-1');
    expect(page).toContain('开播后 5 分钟');
    expect(await theme.getValue()).toBe('');
  });

  it('reuses the key when the same request is retried after a lost answer', async () => {
    const { fixture, fake, loader } = await render();
    fake.fail('live-create.create', { code: 'WECOM_UNREACHABLE', message: '无法连接企业微信' });
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('重试的直播');
    const submit = (): void =>
      (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    submit();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('创建失败');
    submit();
    await settle(fixture);
    const keys = fake.calls
      .filter((call) => call.channel === 'live-create.create')
      .map((call) => (call.input as CreateLiveInput).idempotencyKey);
    expect(keys.length).toBe(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('offers 修改 only for a reserved live that has not started', async () => {
    const { fixture } = await render([
      live({ livingid: 'lv-a', theme: '未开始' }),
      live({ livingid: 'lv-b', theme: '已结束', status: 2, reserveStart: START - 2 * 86_400 }),
    ]);
    const items = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.recent-item'));
    expect(items.map((item) => text(item).includes('修改'))).toEqual([true, false]);
    expect(text(items[1] ?? null)).toContain('已结束');
  });
  it('takes 24-hour times as text with seconds, offers a list, and refuses what is not a time', async () => {
    const { fixture, fake, loader } = await render();
    const start = await loader.getHarness(
      MatInputHarness.with({ selector: '[aria-label="开始时间（时:分:秒）"]' }),
    );
    const end = await loader.getHarness(
      MatInputHarness.with({ selector: '[aria-label="结束时间（时:分:秒）"]' }),
    );
    expect(await start.getType()).toBe('text');
    expect(await start.getValue()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await start.setValue('9:5');
    await start.blur();
    await settle(fixture);
    expect(await start.getValue()).toBe('09:05:00');
    const list = await loader.getHarness(
      MatAutocompleteHarness.with({ selector: '[aria-label="结束时间（时:分:秒）"]' }),
    );
    await list.clear();
    await list.enterText('14');
    const options = await list.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['14:00:00', '14:30:00']);
    await list.selectOption({ text: '14:30:00' });
    expect(await end.getValue()).toBe('14:30:00');
    await end.setValue('2:30 PM');
    await end.blur();
    await settle(fixture);
    expect(text(fixture.nativeElement)).toContain('请按 24 小时制填写');
    const theme = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=theme]' }));
    await theme.setValue('时间不对');
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await settle(fixture);
    expect(fake.calls.some((call) => call.channel === 'live-create.create')).toBeFalse();
  });

  it('names the zone in Chinese and shows the calendar in Chinese with plain day numbers', async () => {
    const { fixture, loader } = await render();
    expect(text(fixture.nativeElement)).toContain('时间按北京时间，24 小时制');
    const toggle = await loader.getHarness(MatDatepickerToggleHarness);
    const button = (fixture.nativeElement as HTMLElement).querySelector('mat-datepicker-toggle button');
    expect(button?.getAttribute('aria-label')).toBe('打开日历');
    await toggle.openCalendar();
    await settle(fixture);
    const cells = Array.from(document.querySelectorAll('.mat-calendar-body-cell-content')).map((cell) =>
      (cell.textContent ?? '').trim(),
    );
    expect(cells).toContain('15');
    expect(cells.some((cell) => cell.endsWith('日'))).toBeFalse();
    expect(document.querySelector('.mat-calendar-previous-button')?.getAttribute('aria-label')).toBe(
      '上个月',
    );
  });
});

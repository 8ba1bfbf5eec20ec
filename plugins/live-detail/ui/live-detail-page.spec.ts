import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { Store } from '@ngrx/store';
import { provideEchartsCore } from 'ngx-echarts';
import { of } from 'rxjs';
import type { LiveRecord, ViewerDetail } from '../../../sdk/contracts/lives.js';
import { MatDialog } from '@angular/material/dialog';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { IpNotAllowedWatcher } from '../../../sdk/ui/ip-not-allowed-watcher.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { PluginsActions } from '../../../sdk/ui/state/plugins.state.js';
import { FakeRpcFailure, FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { LiveDetailAnswer, LiveDetailQuery } from '../shared/live-detail-api.js';
import { echarts } from './echarts-setup.js';
import { LiveDetailPage } from './live-detail-page.js';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';

function live(overrides: Partial<LiveRecord> = {}): LiveRecord {
  return {
    corpId: 'corp-1',
    livingid: 'lv-1',
    theme: '销售技巧培训',
    description: '',
    type: 4,
    status: 2,
    anchorUserid: 'linyong',
    anchorName: '林勇',
    mainDepartment: null,
    reserveStart: 1_762_280_000,
    reserveDuration: 1800,
    actualStart: 1_762_280_300,
    actualDuration: 1500,
    remindTime: null,
    viewerNum: 2,
    commentNum: 1,
    micNum: 0,
    openReplay: null,
    replayStatus: null,
    pushStreamUrl: null,
    onlineCount: null,
    subscribeCount: null,
    peakOnline: null,
    peakOnlineAt: null,
    peakOnlineSamples: 0,
    createdByUs: false,
    creatorUserid: null,
    createdAt: Date.now(),
    lastSyncedAt: Date.now(),
    statsSyncedAt: Date.now(),
    ...overrides,
  };
}

const VIEWERS: ViewerDetail[] = [
  {
    kind: 'external',
    viewerId: 'wm-1',
    externalType: 1,
    name: '微笑向暖',
    watchTime: 3725,
    isComment: true,
    isMic: false,
    invitorUserid: 'zhangsan',
    invitorExternalUserid: null,
    inviterName: '张三',
    inviterRule: 'user-get',
    checkins: [{ roundNo: 1, title: '第一次签到', at: 1_762_280_600 }],
  },
  {
    kind: 'internal',
    viewerId: 'lisi',
    externalType: null,
    name: '李四',
    watchTime: 59,
    isComment: false,
    isMic: false,
    invitorUserid: null,
    invitorExternalUserid: null,
    inviterName: null,
    inviterRule: null,
    checkins: [],
  },
];

function answer(overrides: Partial<LiveDetailAnswer> = {}): LiveDetailAnswer {
  return {
    live: live(),
    viewers: { rows: VIEWERS, total: 2 },
    rounds: [
      { roundNo: 1, title: '第一次签到', startedAt: 1_762_280_600, matched: 1, records: 3, reportedCount: 4 },
    ],
    unmatchedCheckins: 2,
    charts: {
      audience: [
        { label: '企业成员', value: 1 },
        { label: '微信用户', value: 1 },
        { label: '企业微信用户（外部）', value: 0 },
      ],
      watchTime: [{ label: '不足 1 分钟', value: 1 }],
      topInviters: [{ label: '张三', value: 1 }],
      checkinRounds: [{ label: '第一次签到', value: 1 }],
      engagement: [{ label: '观看', value: 2 }],
      viewers: 2,
    },
    inviterSupported: true,
    notices: [],
    ...overrides,
  };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(
  reply: (query: LiveDetailQuery) => LiveDetailAnswer,
  enabled: string[] = [],
  watchIp = false,
) {
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      provideAppIcons(),
      provideRouter([]),
      provideEchartsCore({ echarts }),
      providePaginatorIntl('人'),
      { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ livingid: 'lv-1' })) } },
    ],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  // The app starts the trusted-IP watcher once; a spec of the 60020 path starts it as the app does.
  if (watchIp) TestBed.inject(IpNotAllowedWatcher).start();
  TestBed.inject(AppSession).signedIn({
    session: 'test-session',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  TestBed.inject(Store).dispatch(
    PluginsActions.changed({
      plugins: enabled.map((id) => ({ id, title: id, version: '1.0.0', state: 'enabled' as const })),
    }),
  );
  fake.answer('live-detail.get', (input: unknown) => reply(input as LiveDetailQuery));
  const fixture = TestBed.createComponent(LiveDetailPage);
  await settle(fixture);
  return { fixture, fake, root: fixture.nativeElement as HTMLElement };
}

describe('LiveDetailPage', () => {
  it('heads the page with the peak, its time and the samples behind it, explained in a hint', async () => {
    const peakAt = Date.UTC(2025, 10, 4, 18, 32, 0);
    const { fixture, root } = await render(() =>
      answer({ live: live({ peakOnline: 57, peakOnlineAt: peakAt, peakOnlineSamples: 24 }) }),
    );
    const peak = text(root.querySelector('.facts .peak'));
    expect(peak).toContain('峰值在线');
    expect(peak).toContain('57 人');
    expect(peak).toContain('2025-11-05 02:32');
    expect(peak).toContain('24 次采样');
    expect(peak).not.toContain('未采样');
    root.querySelector<HTMLButtonElement>('.facts .peak wl-field-hint button')?.click();
    await settle(fixture);
    expect(text(document.querySelector('.wl-hint-popover'))).toContain('企业微信只提供当前在线人数');
  });

  it('reads the stored live, then pulls it, and shows the header, viewers with check-ins and inviters, and charts', async () => {
    const { fake, root } = await render(() => answer());
    const [stored, pulled] = fake.callsTo('live-detail.get') as LiveDetailQuery[];
    expect(stored).toEqual({ livingid: 'lv-1', page: 1, pageSize: 20 });
    expect(pulled).toEqual(
      jasmine.objectContaining({ livingid: 'lv-1', refresh: true, page: 1, pageSize: 20 }),
    );
    expect(text(root.querySelector('h1'))).toBe('销售技巧培训');
    expect(text(root.querySelector('.header'))).toContain('已结束');
    expect(text(root.querySelector('.header'))).toContain('实际时间');
    expect(text(root.querySelector('.header'))).toContain('未采样');
    const rows = root.querySelectorAll('table tr[mat-row]');
    expect(rows.length).toBe(2);
    expect(text(rows[0] ?? null)).toContain('1:02:05');
    expect(text(rows[0] ?? null)).toContain('外部 · 微信');
    expect(text(rows[0] ?? null)).toContain('1 次');
    expect(text(rows[0] ?? null)).toContain('第一次签到');
    expect(text(rows[0] ?? null)).toContain('张三');
    expect(text(rows[0] ?? null)).toContain('通讯录查询');
    expect(root.querySelector('wl-viewer-charts')).not.toBeNull();
    expect(root.querySelectorAll('wl-viewer-charts .chart').length).toBeGreaterThan(0);
  });

  it('shows the rounds with both figures and pages the check-ins no viewer fits, with the search', async () => {
    const { fixture, fake, root } = await render(() => answer());
    fake.answer('live-detail.unmatched', (input: unknown) => ({
      total: 2,
      rows: [
        {
          roundNo: 1,
          title: '第一次签到',
          rowNo: 8,
          memberLabel: '晴天@微信',
          department: '',
          matchState: 'ambiguous',
          at: 1_762_280_600,
        },
        {
          roundNo: 1,
          title: '第一次签到',
          rowNo: 9,
          memberLabel: `路人甲@微信${(input as { keyword?: string }).keyword ?? ''}`,
          department: '销售部',
          matchState: 'unmatched',
          at: 1_762_280_600,
        },
      ],
    }));
    const rounds = [...root.querySelectorAll('.checkins table.rounds tbody td')].map((cell) => text(cell));
    expect(rounds).toEqual(['第一次签到', jasmine.any(String), '4', '3', '1', '2']);
    expect(root.querySelector('.checkins td.differs')).not.toBeNull();
    const panel = root.querySelector('[data-testid=unmatched-panel]');
    expect(text(panel)).toContain('未匹配的签到（2 条）');
    expect(fake.callsTo('live-detail.unmatched')).toEqual([]);
    (panel?.querySelector('mat-expansion-panel-header') as HTMLElement).click();
    await settle(fixture);
    expect(fake.callsTo('live-detail.unmatched')).toEqual([{ livingid: 'lv-1', page: 1, pageSize: 20 }]);
    expect(text(panel)).toContain('晴天@微信');
    expect(text(panel)).toContain('同名观众不止一位');
    expect(text(panel)).toContain('第一次签到 · 第 9 行');
    expect(text(panel)).toContain('观众中没有这个名字');

    const input = root.querySelector<HTMLInputElement>('.viewers input');
    if (input === null) throw new Error('no search field');
    input.value = '路人';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(fake.callsTo('live-detail.unmatched').at(-1)).toEqual({
      livingid: 'lv-1',
      keyword: '路人',
      page: 1,
      pageSize: 20,
    });
  });

  it('cancels through the dialog that says it cannot be undone, then offers no import or export', async () => {
    let status: 0 | 4 = 0;
    const { fixture, fake, root } = await render(
      () =>
        answer({
          live: live({ status, actualStart: null, actualDuration: null }),
          viewers: { rows: [], total: 0 },
          rounds: [],
        }),
      ['live-list', 'checkin-import'],
    );
    fake.answer('live-list.cancel', () => {
      status = 4;
      return { livingid: 'lv-1' };
    });
    const cancel = [...root.querySelectorAll('button')].find((b) => text(b) === '取消预约');
    cancel?.click();
    await settle(fixture);
    const dialog = document.querySelector('mat-dialog-container');
    expect(text(dialog)).toContain('取消后无法恢复');
    expect(text(dialog)).toContain('销售技巧培训');
    (document.querySelector('[data-testid=confirm-cancel]') as HTMLElement).click();
    await settle(fixture);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(fixture);
    expect(fake.callsTo('live-list.cancel')).toEqual([{ livingid: 'lv-1' }]);
    expect(text(root.querySelector('.actions'))).not.toContain('导入签到');
    expect(text(root.querySelector('.actions'))).not.toContain('导出 Excel');
    expect(text(root.querySelector('.actions'))).not.toContain('取消预约');
    expect(text(root)).toContain('这场直播已取消，不会有观众数据。');
  });

  it('shows 直播中 as the end while the live is on', async () => {
    const { root } = await render(() => answer({ live: live({ status: 1 }) }));
    const actual = [...root.querySelectorAll('.facts > div')].find((item) =>
      text(item).startsWith('实际时间'),
    );
    expect(text(actual ?? null)).toMatch(/– 直播中$/);
  });

  it('shows the stored data at once and refreshes it from WeCom behind it with a visible indicator', async () => {
    let finishPull: (() => void) | undefined;
    const pulled = new Promise<void>((resolve) => (finishPull = resolve));
    const stored = answer({
      live: live({ theme: '本地保存的主题' }),
      viewers: { rows: VIEWERS.slice(0, 1), total: 1 },
    });
    const fresh = answer({ live: live({ theme: '企业微信上的主题' }) });
    const { fixture, root } = await render((query) => {
      if (query.refresh !== true) return stored;
      // The pull answers only when the spec lets it: meanwhile the stored data must be on screen.
      return pulled.then(() => fresh) as unknown as LiveDetailAnswer;
    });
    expect(text(root.querySelector('h1'))).toBe('本地保存的主题');
    expect(text(root.querySelector('.viewers h2'))).toContain('共 1 人');
    expect(text(root.querySelector('[data-testid=pulling]'))).toContain(
      '正在从企业微信更新，下面先显示本地保存的数据',
    );
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    const refreshButton = [...root.querySelectorAll<HTMLButtonElement>('.actions button')].find((button) =>
      button.textContent?.includes('刷新'),
    );
    expect(refreshButton?.disabled).toBeTrue();

    finishPull?.();
    await settle(fixture);
    expect(text(root.querySelector('h1'))).toBe('企业微信上的主题');
    expect(text(root.querySelector('.viewers h2'))).toContain('共 2 人');
    expect(root.querySelector('[data-testid=pulling]')).toBeNull();
    expect(refreshButton?.disabled).toBeFalse();
  });

  it('keeps the stored data on screen with the reason when the pull fails', async () => {
    const { root } = await render((query) => {
      if (query.refresh === true)
        throw new FakeRpcFailure({ code: 'WECOM_ERROR', message: '企业微信返回错误 -1：系统繁忙' });
      return answer();
    });
    expect(text(root.querySelector('[role="alert"]'))).toContain('系统繁忙');
    expect(text(root.querySelector('h1'))).toBe('销售技巧培训');
    expect(root.querySelectorAll('table tr[mat-row]').length).toBe(2);
    expect(root.querySelector('[data-testid=pulling]')).toBeNull();
  });

  it('keeps the stored data under the reason when WeCom refuses this IP (60020), with the trusted-IP dialog', async () => {
    const { fixture, root } = await render(
      (query) => {
        if (query.refresh === true)
          throw new FakeRpcFailure({
            code: 'WECOM_IP_NOT_ALLOWED',
            message: '企业微信拒绝了来自 139.215.46.96 的请求（错误码 60020）',
            details: {
              ip: '139.215.46.96',
              ips: ['139.215.46.96'],
              copyText: '139.215.46.96',
              consoleUrl: 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp',
              appName: '直播助手',
              retryAfter: '',
            },
          });
        return answer({ live: live({ theme: '本地保存的主题' }) });
      },
      [],
      true,
    );
    await settle(fixture);
    expect(document.querySelector('.cdk-overlay-container wl-trusted-ip-dialog')).not.toBeNull();
    const alert = root.querySelector('[role="alert"]');
    expect(text(alert)).toContain('60020');
    // The stored live stays, below the reason: header, viewers, rounds and charts.
    expect(text(root.querySelector('h1'))).toBe('本地保存的主题');
    expect(root.querySelectorAll('table tr[mat-row]').length).toBe(2);
    expect(root.querySelector('wl-checkin-rows-panel')).not.toBeNull();
    expect(root.querySelector('wl-viewer-charts')).not.toBeNull();
    const header = root.querySelector('section.header');
    expect(
      alert !== null &&
        header !== null &&
        alert.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING,
    )
      .withContext('the reason is above the stored data')
      .toBeTruthy();
    // …and beside 刷新, where focus returns when the trusted-IP dialog closes.
    expect(text(root.querySelector('.actions + [data-testid=refresh-problem]'))).toContain('60020');
    expect(root.querySelector('[data-testid=pulling]')).toBeNull();
    TestBed.inject(MatDialog).closeAll();
  });

  it('names the anchor and never breaks a date or time inside itself, only between start and end', async () => {
    const { root } = await render(() =>
      answer({ live: live({ anchorUserid: 'LiWei', anchorName: '李伟' }) }),
    );
    const anchor = root.querySelector('[data-testid=anchor]');
    expect(text(anchor)).toContain('李伟');
    expect(text(anchor?.querySelector('.anchor-id') ?? null)).toBe('LiWei');
    for (const id of ['reserved-times', 'actual-times']) {
      const parts = [...root.querySelectorAll<HTMLElement>(`[data-testid=${id}] .when`)];
      expect(parts.length).withContext(id).toBe(2);
      for (const part of parts) {
        expect(getComputedStyle(part).whiteSpace).withContext(id).toBe('nowrap');
        expect(text(part)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      }
    }
  });

  it('shows the userid alone when no name is known for the anchor', async () => {
    const { root } = await render(() => answer({ live: live({ anchorUserid: 'LiWei', anchorName: null }) }));
    expect(text(root.querySelector('[data-testid=anchor]'))).toBe('LiWei');
  });

  it('filters the viewers on the host by check-in, type, inviter and watch time, from page 1, and clears them', async () => {
    const { fixture, fake, root } = await render((query) =>
      query.filters === undefined ? answer() : answer({ viewers: { rows: VIEWERS.slice(0, 1), total: 1 } }),
    );
    const lastQuery = (): LiveDetailQuery => fake.callsTo('live-detail.get').at(-1) as LiveDetailQuery;
    const chip = (label: string): HTMLElement => {
      const found = [...root.querySelectorAll<HTMLElement>('wl-viewer-filter-bar mat-chip-option')].find(
        (option) => text(option) === label,
      );
      if (found === undefined) throw new Error(`no chip ${label}`);
      return found.querySelector<HTMLElement>('button, [role=option]') ?? found;
    };
    const calls = fake.callsTo('live-detail.get').length;

    chip('已签到').click();
    await settle(fixture);
    expect(fake.callsTo('live-detail.get').length).toBe(calls + 1);
    expect(lastQuery()).toEqual({ livingid: 'lv-1', filters: { checkedIn: true }, page: 1, pageSize: 20 });
    expect(text(root.querySelector('[data-testid=viewer-count]'))).toBe('符合筛选 1 人');

    chip('微信用户').click();
    await settle(fixture);
    chip('企业成员').click();
    await settle(fixture);
    expect(lastQuery().filters).toEqual({ checkedIn: true, types: ['member', 'wechat'] });

    chip('无邀请人').click();
    await settle(fixture);
    expect(lastQuery().filters?.hasInviter).toBeFalse();

    const min = root.querySelector<HTMLInputElement>('[data-testid=min-watch]');
    const max = root.querySelector<HTMLInputElement>('[data-testid=max-watch]');
    if (min === null || max === null) throw new Error('no watch time fields');
    max.value = '5';
    max.dispatchEvent(new Event('change'));
    await settle(fixture);
    min.value = '30';
    min.dispatchEvent(new Event('change'));
    await settle(fixture);
    // Bounds typed the wrong way round are swapped, in seconds.
    expect(lastQuery().filters).toEqual(jasmine.objectContaining({ minWatch: 300, maxWatch: 1800 }));

    chip('全部').click();
    await settle(fixture);
    expect(lastQuery().filters?.checkedIn).toBeUndefined();

    const clear = [...root.querySelectorAll<HTMLButtonElement>('wl-viewer-filter-bar button')].find(
      (button) => text(button) === '清除筛选',
    );
    clear?.click();
    await settle(fixture);
    expect(lastQuery().filters).toBeUndefined();
    expect(text(root.querySelector('[data-testid=viewer-count]'))).toBe('共 2 人');
    expect(root.querySelector<HTMLInputElement>('[data-testid=min-watch]')?.value).toBe('');
  });

  it('sorts by a header on the host over every page, from page 1, showing the rows in the host’s order', async () => {
    const reversed = [...VIEWERS].reverse();
    const { fixture, fake, root } = await render((query) =>
      answer({ viewers: { rows: query.sort === undefined ? VIEWERS : reversed, total: 40 } }),
    );
    const lastQuery = (): LiveDetailQuery => fake.callsTo('live-detail.get').at(-1) as LiveDetailQuery;
    root.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')?.click();
    await settle(fixture);
    expect(lastQuery().page).toBe(2);
    const header = (label: string) =>
      [...root.querySelectorAll<HTMLElement>('th[mat-header-cell]')].find((th) => text(th) === label);
    header('签到')?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle(fixture);
    expect(lastQuery()).toEqual({
      livingid: 'lv-1',
      sort: { column: 'checkins', direction: 'asc' },
      page: 1,
      pageSize: 20,
    });
    const firstRow = () => text(root.querySelector('table tr[mat-row]'));
    expect(firstRow()).toContain('李四');
    expect(header('签到')?.getAttribute('aria-sort')).toBe('ascending');
    header('签到')?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle(fixture);
    expect(lastQuery().sort).toEqual({ column: 'checkins', direction: 'desc' });
    header('消息邀请')?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle(fixture);
    expect(lastQuery().sort).toEqual({ column: 'messageInvite', direction: 'asc' });
    // A third click on the same header goes back to the default order (longest watchers first).
    header('消息邀请')?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle(fixture);
    header('消息邀请')?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle(fixture);
    expect(lastQuery().sort).toBeUndefined();
    expect(firstRow()).toContain('微笑向暖');
  });

  it('says no viewer fits the filters, and offers no inviter filter without inviters', async () => {
    const { fixture, root } = await render((query) =>
      query.filters === undefined
        ? answer({ live: live({ type: 1 }), inviterSupported: false })
        : answer({ live: live({ type: 1 }), inviterSupported: false, viewers: { rows: [], total: 0 } }),
    );
    const labels = [...root.querySelectorAll('wl-viewer-filter-bar .label')].map((label) => text(label));
    expect(labels).toEqual(['签到', '观众类型', '观看时长']);
    const noCheckin = [...root.querySelectorAll<HTMLElement>('wl-viewer-filter-bar mat-chip-option')].find(
      (option) => text(option) === '未签到',
    );
    (noCheckin?.querySelector<HTMLElement>('button, [role=option]') ?? noCheckin)?.click();
    await settle(fixture);
    expect(text(root.querySelector('.viewers .state'))).toBe('没有符合筛选条件的观众。');
  });

  it('resolves an ambiguous check-in by picking the viewer, then reads the page again', async () => {
    let resolved = false;
    const { fixture, fake, root } = await render(() => answer({ unmatchedCheckins: resolved ? 0 : 1 }));
    const ambiguous = {
      roundNo: 1,
      title: '第一次签到',
      rowNo: 8,
      memberLabel: '晴天@微信',
      department: '',
      matchState: 'ambiguous',
      at: 1_762_280_600,
    };
    fake.answer('live-detail.unmatched', () =>
      resolved ? { total: 0, rows: [] } : { total: 1, rows: [ambiguous] },
    );
    fake.answer('live-detail.candidates', () => [
      { kind: 'external', viewerId: 'wm-1', name: '晴天', externalType: 1, watchTime: 3725 },
      { kind: 'external', viewerId: 'wm-2', name: '晴天', externalType: 1, watchTime: 59 },
    ]);
    fake.answer('live-detail.resolve', () => {
      resolved = true;
      return { kind: 'external', viewerId: 'wm-2', name: '晴天', externalType: 1, watchTime: 59 };
    });
    const panel = root.querySelector('[data-testid=unmatched-panel]');
    (panel?.querySelector('mat-expansion-panel-header') as HTMLElement).click();
    await settle(fixture);
    const button = (label: string): HTMLButtonElement[] =>
      [...(panel?.querySelectorAll<HTMLButtonElement>('button') ?? [])].filter((b) => text(b) === label);
    const pick = button('指定观众')[0];
    expect(pick?.getAttribute('aria-expanded')).toBe('false');
    pick?.click();
    await settle(fixture);
    expect(fake.callsTo('live-detail.candidates')).toEqual([
      { livingid: 'lv-1', roundNo: 1, rowNo: 8, memberLabel: '晴天@微信' },
    ]);
    expect(pick?.getAttribute('aria-expanded')).toBe('true');
    const candidates = panel?.querySelector('.candidates') ?? null;
    expect(text(candidates)).toContain('重新导入同一份签到表时会保留这个选择');
    expect(text(candidates)).toContain('外部 · 微信 · wm-1 · 观看 1:02:05');
    expect(text(candidates)).toContain('wm-2 · 观看 0:00:59');
    const gets = fake.callsTo('live-detail.get').length;
    button('这是他/她')[1]?.click();
    await settle(fixture);
    expect(fake.callsTo('live-detail.resolve')).toEqual([
      {
        livingid: 'lv-1',
        roundNo: 1,
        rowNo: 8,
        memberLabel: '晴天@微信',
        viewerKind: 'external',
        viewerId: 'wm-2',
      },
    ]);
    expect(fake.callsTo('live-detail.get').length).toBe(gets + 1);
    expect(text(document.querySelector('.mat-mdc-snack-bar-label'))).toContain(
      '已把这一行签到记为 晴天 的签到',
    );
    expect(text(panel)).toContain('未匹配的签到（0 条）');
    expect(text(panel)).toContain('所有签到行都已匹配到观众。');
  });

  it('says why a pick failed and keeps the candidates open', async () => {
    const { fixture, fake, root } = await render(() => answer({ unmatchedCheckins: 1 }));
    fake.answer('live-detail.unmatched', () => ({
      total: 1,
      rows: [
        {
          roundNo: 1,
          title: '第一次签到',
          rowNo: 8,
          memberLabel: '晴天',
          department: '',
          matchState: 'ambiguous',
          at: null,
        },
      ],
    }));
    fake.answer('live-detail.candidates', () => [
      { kind: 'internal', viewerId: 'qingtian', name: '晴天', externalType: null, watchTime: 60 },
    ]);
    fake.fail('live-detail.resolve', {
      code: 'NOT_FOUND',
      message: '这一行签到已不是待确认的同名签到，请刷新页面后再试。',
    });
    const panel = root.querySelector('[data-testid=unmatched-panel]');
    (panel?.querySelector('mat-expansion-panel-header') as HTMLElement).click();
    await settle(fixture);
    [...(panel?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
      .find((b) => text(b) === '指定观众')
      ?.click();
    await settle(fixture);
    [...(panel?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
      .find((b) => text(b) === '这是他/她')
      ?.click();
    await settle(fixture);
    expect(text(panel?.querySelector('.candidates [role=alert]') ?? null)).toContain('请刷新页面后再试');
    expect(text(panel?.querySelector('.candidates') ?? null)).toContain('企业成员 · qingtian');
  });

  it('pulls a live not stored yet without showing the store’s NOT_FOUND first', async () => {
    const { fake, root } = await render((query) => {
      if (query.refresh !== true)
        throw new FakeRpcFailure({ code: 'NOT_FOUND', message: '本地没有这场直播：lv-1' });
      return answer();
    });
    expect(fake.callsTo('live-detail.get').length).toBe(2);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(text(root.querySelector('h1'))).toBe('销售技巧培训');
  });

  it('shows the notices of the refresh as a banner', async () => {
    const { root } = await render(() =>
      answer({ notices: ['未能从企业微信更新这场直播，下面是本地保存的数据。'] }),
    );
    expect(text(root.querySelector('.banner'))).toContain('本地保存的数据');
  });

  it('shows a self-invite as such, never the viewer’s own name as inviter', async () => {
    const self: ViewerDetail = {
      kind: 'internal',
      viewerId: 'WangDeSheng',
      externalType: null,
      name: '王德胜',
      watchTime: 120,
      isComment: false,
      isMic: false,
      invitorUserid: 'WangDeSheng',
      invitorExternalUserid: null,
      inviterName: null,
      inviterRule: 'self',
      checkins: [],
    };
    const { root } = await render(() => answer({ viewers: { rows: [self], total: 1 } }));
    const inviter = text(root.querySelector('table tr[mat-row] td.mat-column-inviter'));
    expect(inviter).toBe('本人（自行进入）非他人邀请');
    expect(text(root.querySelector('.cards li'))).toContain('邀请人：本人（自行进入）');
  });

  it('says inviters are promotion-only on other lives', async () => {
    const { root } = await render(() => answer({ inviterSupported: false, live: live({ type: 3 }) }));
    expect(text(root.querySelector('[data-testid=no-inviter-note]'))).toContain(
      '企业微信仅对推广产品直播（活动直播）提供邀请人',
    );
    // Said once above the table, not in every row: the column is gone.
    expect(text(root.querySelector('table tr[mat-header-row]'))).not.toContain('邀请人');
    expect(text(root.querySelector('table tr[mat-row]'))).not.toContain('企业微信仅对推广产品直播提供邀请人');
  });

  it('offers 导入签到 only when the checkin-import plugin is enabled', async () => {
    const without = await render(() => answer());
    expect(text(without.root.querySelector('.actions'))).not.toContain('导入签到');
    TestBed.resetTestingModule();
    const withPlugin = await render(() => answer(), ['checkin-import']);
    expect(text(withPlugin.root.querySelector('.actions'))).toContain('导入签到');
  });

  it('searches on the host without pulling again', async () => {
    const { fixture, fake, root } = await render(() => answer());
    const input = root.querySelector<HTMLInputElement>('.viewers input');
    if (input === null) throw new Error('no search field');
    input.value = '张三';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    const last = fake.callsTo('live-detail.get').at(-1) as LiveDetailQuery;
    expect(last).toEqual(jasmine.objectContaining({ keyword: '张三', page: 1 }));
    expect(last.refresh).toBeUndefined();
  });

  it('shows an error with a retry when the live cannot be loaded', async () => {
    const { root } = await render(() => {
      throw new FakeRpcFailure({ code: 'NOT_FOUND', message: '本地没有这场直播：lv-1' });
    });
    expect(text(root.querySelector('[role="alert"]'))).toContain('本地没有这场直播');
    expect(text(root.querySelector('[role="alert"]'))).toContain('重试');
  });

  it('exports with the viewer profile unless unticked', async () => {
    const { fixture, fake, root } = await render(() => answer());
    fake.answer('live-detail.export', { jobId: 'job-1' });
    fake.answer('jobs.get', {
      jobId: 'job-1',
      kind: 'live-detail.export',
      state: 'running',
      done: 0,
      total: 2,
      message: '',
    });
    const exportButton = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('导出 Excel'),
    );
    exportButton?.click();
    await settle(fixture);
    expect(fake.callsTo('live-detail.export')).toEqual([{ livingid: 'lv-1', withCharts: true }]);
    expect(root.querySelector('wl-job-progress')).not.toBeNull();
  });

  it('shows an empty state without viewers, in the live’s own terms', async () => {
    const ended = await render(() => answer({ viewers: { rows: [], total: 0 } }));
    expect(text(ended.root.querySelector('.viewers'))).toContain('企业微信没有这场直播的观看记录。');
    TestBed.resetTestingModule();
    const reserved = await render(() =>
      answer({ live: live({ status: 0, actualStart: null }), viewers: { rows: [], total: 0 } }),
    );
    expect(text(reserved.root.querySelector('.viewers'))).toContain('还没有观众数据：直播开始后');
  });
});

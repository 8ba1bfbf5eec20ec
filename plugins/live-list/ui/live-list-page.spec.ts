import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { FormControl, FormGroup } from '@angular/forms';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideChineseDates } from '../../../sdk/ui/chinese-dates.js';
import { provideRouter, Router } from '@angular/router';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { JOB_POLL_MS } from '../../../sdk/ui/job-progress.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type { LiveListPage as Page, LiveListRow, LiveSyncResult } from '../shared/live-list-api.js';
import { LiveListPage } from './live-list-page.js';
import { providePaginatorIntl } from '../../../sdk/ui/material-intl.js';

const NOW_S = 1_767_225_600; // 2026-01-01 08:00 in Shanghai

function row(overrides: Partial<LiveListRow> = {}): LiveListRow {
  return {
    corpId: 'corp-1',
    livingid: 'lv-ended-1',
    theme: '季度复盘',
    description: '',
    type: 3,
    status: 2,
    anchorUserid: 'zhangsan',
    anchorName: '张三',
    mainDepartment: null,
    reserveStart: NOW_S - 7200,
    reserveDuration: 3600,
    actualStart: NOW_S - 7000,
    actualDuration: 3000,
    remindTime: null,
    viewerNum: 128,
    commentNum: 3,
    micNum: 0,
    openReplay: 1,
    replayStatus: 1,
    pushStreamUrl: null,
    onlineCount: null,
    subscribeCount: 10,
    peakOnline: null,
    peakOnlineAt: null,
    peakOnlineSamples: 0,
    createdByUs: false,
    creatorUserid: null,
    createdAt: NOW_S * 1000,
    lastSyncedAt: NOW_S * 1000,
    statsSyncedAt: NOW_S * 1000,
    start: NOW_S - 7000,
    end: NOW_S - 4000,
    living: false,
    timeKind: 'actual',
    checkinRounds: 0,
    checkinPeople: 0,
    checkinCount: 0,
    ...overrides,
  };
}

const reserved = row({
  livingid: 'lv-reserved-1',
  theme: '新品发布预告',
  status: 0,
  actualStart: null,
  actualDuration: null,
  reserveStart: NOW_S + 86_400,
  start: NOW_S + 86_400,
  end: NOW_S + 90_000,
  timeKind: 'reserved',
  viewerNum: 0,
  createdByUs: true,
  creatorUserid: 'zhangsan',
  checkinRounds: 2,
  checkinPeople: 40,
  checkinCount: 75,
  peakOnline: 96,
  peakOnlineAt: NOW_S * 1000,
  peakOnlineSamples: 42,
});

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}

const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(rows: LiveListRow[] = [row(), reserved]) {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      provideAppIcons(),
      provideRouter([]),
      provideChineseDates(),
      providePaginatorIntl('场'),
      { provide: JOB_POLL_MS, useValue: 20 },
    ],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  TestBed.inject(AppSession).signedIn({
    session: 'test-session',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  fake.answer('live-list.query', (): Page => ({ rows, total: rows.length }));
  const fixture = TestBed.createComponent(LiveListPage);
  await settle(fixture);
  return { fixture, fake, root: fixture.nativeElement as HTMLElement };
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button, a')].find((candidate) =>
    text(candidate).includes(label),
  );
  if (found === undefined) throw new Error(`no button ${label}`);
  return found;
}

async function type(fixture: ComponentFixture<unknown>, selector: string, value: string): Promise<void> {
  const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(selector);
  if (input === null) throw new Error(`no input ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle(fixture);
}

async function menuOf(fixture: ComponentFixture<unknown>, index: number): Promise<MatMenuHarness> {
  const menus = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(
    MatMenuHarness.with({ selector: 'button[aria-label^="操作："]' }),
  );
  const menu = menus[index];
  if (menu === undefined) throw new Error(`no menu ${index}`);
  await menu.open();
  return menu;
}

function done(jobId: string, result: unknown): JobSnapshot {
  return { jobId, kind: 'live-list.x', state: 'done', done: 1, total: 1, message: '', result };
}

describe('LiveListPage', () => {
  afterEach(() =>
    document.querySelectorAll('.cdk-overlay-container').forEach((node) => (node.innerHTML = '')),
  );

  it('asks the local list and shows the R4.2 columns, never inventing a peak or check-ins', async () => {
    const { fake, root } = await render();
    expect(fake.callsTo('live-list.query')[0]).toEqual({
      page: 1,
      pageSize: 20,
      sort: { field: 'start', direction: 'desc' },
    });
    const rows = [...root.querySelectorAll('tr.mat-mdc-row')].map(text);
    expect(rows.length).toBe(2);
    expect(rows[0]).toContain('季度复盘');
    expect(rows[0]).toContain('实际');
    expect(rows[0]).toContain('未采样');
    expect(rows[0]).toContain('未导入签到');
    expect(rows[0]).toContain('已结束');
    expect(rows[0]).toContain('128');
    expect(rows[1]).toContain('预约');
    expect(rows[1]).toContain('本应用创建');
    expect(rows[1]).toContain('40 人');
    expect(rows[1]).toContain('75 次 · 2 轮');
    expect(rows[1]).toContain('96 人');
    expect(text(root.querySelector('mat-paginator'))).toContain('第 1–2 场，共 2 场');
  });

  it('suggests a sync or a new live when nothing is stored yet', async () => {
    const { root } = await render([]);
    expect(text(root)).toContain('本机还没有直播');
    expect(text(root)).toContain('同步该成员的直播');
  });

  it('offers the sync only with a userid, filters by it and shows the job and its summary', async () => {
    const { fixture, fake, root } = await render();
    expect(button(root, '同步该成员的直播').disabled).toBeTrue();
    await type(fixture, 'input[name=userid]', 'lisi');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    expect(fake.callsTo('live-list.query').at(-1)).toEqual(
      jasmine.objectContaining({ userid: 'lisi', page: 1 }),
    );
    const result: LiveSyncResult = {
      userid: 'lisi',
      lives: 12,
      viewers: 340,
      namedInviters: 1,
      failed: [],
      notes: ['部分邀请人的姓名无法读取：请开通「通讯录读取权限」'],
    };
    fake.answer('live-list.sync', { jobId: 'job-sync' });
    fake.answer('jobs.get', done('job-sync', result));
    const queries = fake.callsTo('live-list.query').length;
    button(root, '同步该成员的直播').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    expect(fake.callsTo('live-list.sync')).toEqual([{ userid: 'lisi' }]);
    expect(text(root)).toContain('已同步 lisi 的 12 场直播，340 条观看记录');
    expect(text(root)).toContain('通讯录读取权限');
    expect(text(root)).toContain('仅对推广产品直播');
    expect(fake.callsTo('live-list.query').length).toBeGreaterThan(queries);
  });

  it("checks the userid by the channels' own rule as one types: its message, no query, no sync", async () => {
    const { fixture, fake, root } = await render();
    const queries = fake.callsTo('live-list.query').length;
    await type(fixture, 'input[name=userid]', '李四');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    expect(root.querySelector('mat-error')?.textContent).toContain(
      '成员 userid 只能包含字母、数字和 _ . @ -',
    );
    expect(fake.callsTo('live-list.query').length).toBe(queries);
    expect(button(root, '同步该成员的直播').disabled).toBeTrue();

    await type(fixture, 'input[name=userid]', 'lisi');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    expect(root.querySelector('mat-error')).toBeNull();
    expect(button(root, '同步该成员的直播').disabled).toBeFalse();
  });

  it('offers oneself and the members synced last under the userid field, without filtering by default', async () => {
    localStorage.removeItem('wecom-live.recentSyncMembers.corp-1.zhangsan');
    const { fixture, fake, root } = await render();
    const input = root.querySelector<HTMLInputElement>('input[name=userid]')!;
    expect(input.value).toBe('');
    expect(fake.callsTo('live-list.query').at(-1)).not.toEqual(
      jasmine.objectContaining({ userid: 'zhangsan' }),
    );
    const options = async (): Promise<string[]> => {
      input.dispatchEvent(new Event('focusin'));
      input.focus();
      await settle(fixture);
      return [...document.querySelectorAll('mat-option')].map(text);
    };
    expect(await options()).toEqual(['zhangsan 张三（我）']);
    (document.querySelector('mat-option') as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    expect(fake.callsTo('live-list.query').at(-1)).toEqual(jasmine.objectContaining({ userid: 'zhangsan' }));

    await type(fixture, 'input[name=userid]', 'LiSi');
    fake.answer('live-list.sync', { jobId: 'job-sync' });
    fake.answer(
      'jobs.get',
      done('job-sync', { userid: 'LiSi', lives: 1, viewers: 2, namedInviters: 0, failed: [], notes: [] }),
    );
    button(root, '同步该成员的直播').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    await type(fixture, 'input[name=userid]', '');
    await settle(fixture);
    expect(await options()).toEqual(['zhangsan 张三（我）', 'LiSi 最近同步']);

    // Typed in lower case, the member comes back as WeCom spells them: that spelling is remembered.
    await type(fixture, 'input[name=userid]', 'wangwu');
    fake.answer(
      'jobs.get',
      done('job-sync', { userid: 'WangWu', lives: 1, viewers: 2, namedInviters: 0, failed: [], notes: [] }),
    );
    button(root, '同步该成员的直播').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    expect(text(root)).toContain('已同步 WangWu 的 1 场直播');
    await type(fixture, 'input[name=userid]', '');
    await settle(fixture);
    expect(await options()).toEqual(['zhangsan 张三（我）', 'WangWu 最近同步', 'LiSi 最近同步']);

    // Oneself, once a sync has answered WeCom's spelling: offered so, and only once.
    await type(fixture, 'input[name=userid]', 'zhangsan');
    fake.answer(
      'jobs.get',
      done('job-sync', { userid: 'ZhangSan', lives: 1, viewers: 2, namedInviters: 0, failed: [], notes: [] }),
    );
    button(root, '同步该成员的直播').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    await type(fixture, 'input[name=userid]', '');
    await settle(fixture);
    expect(await options()).toEqual(['ZhangSan 张三（我）', 'WangWu 最近同步', 'LiSi 最近同步']);
    localStorage.removeItem('wecom-live.recentSyncMembers.corp-1.zhangsan');
  });

  it('shows 直播中 instead of an end while a live is on', async () => {
    const { root } = await render([row({ status: 1, end: null, living: true })]);
    const cells = [...root.querySelectorAll('tr.mat-mdc-row td')].map(text);
    expect(cells).toContain('直播中');
  });

  it('keeps a failed sync’s reason on the page with the stored lives and a retry', async () => {
    const { fixture, fake, root } = await render();
    await type(fixture, 'input[name=userid]', 'lisi');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    fake.answer('live-list.sync', { jobId: 'job-sync' });
    fake.answer('jobs.get', {
      jobId: 'job-sync',
      kind: 'live-list.sync',
      state: 'failed',
      done: 3,
      total: 12,
      message: '',
      error: {
        code: 'WECOM_IP_NOT_ALLOWED',
        message: '本机 IP 203.0.113.9 不在企业微信应用的可信 IP 中',
        details: { ip: '203.0.113.9' },
      },
    });
    button(root, '同步该成员的直播').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    const failure = text(root.querySelector('[data-testid=sync-failure]'));
    expect(failure).toContain('同步失败');
    expect(failure).toContain('203.0.113.9');
    expect(root.querySelectorAll('tr.mat-mdc-row').length).toBe(2);
    fake.answer(
      'jobs.get',
      done('job-sync', { userid: 'lisi', lives: 1, viewers: 2, namedInviters: 0, failed: [], notes: [] }),
    );
    button(root, '重新同步').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    expect(fake.callsTo('live-list.sync').length).toBe(2);
    expect(root.querySelector('[data-testid=sync-failure]')).toBeNull();
  });

  it('filters on whole days of the picked range in the installation zone', async () => {
    const { fixture, fake } = await render();
    const page = fixture.componentInstance as unknown as {
      range: FormGroup<{ start: FormControl<Date | null>; end: FormControl<Date | null> }>;
    };
    page.range.setValue({ start: new Date(2026, 0, 1), end: new Date(2026, 0, 2) });
    await settle(fixture);
    const sent = fake.callsTo('live-list.query').at(-1) as { from: number; to: number; page: number };
    // 2026-01-01 00:00 and 2026-01-02 23:59:59 in Shanghai (UTC+8).
    expect(sent.from).toBe(Date.UTC(2026, 0, 1) / 1000 - 8 * 3600);
    expect(sent.to).toBe(Date.UTC(2026, 0, 3) / 1000 - 8 * 3600 - 1);
    expect(sent.page).toBe(1);
  });

  it('shows a peak with its time and samples, 未采样 without samples, and explains where it comes from', async () => {
    const { fixture, root } = await render();
    const rows = [...root.querySelectorAll('tr.mat-mdc-row')];
    const peakCell = (index: number): string => text(rows[index]?.querySelector('td.peak') ?? null);
    expect(peakCell(0)).toBe('未采样');
    expect(peakCell(1)).toContain('96 人');
    expect(peakCell(1)).toContain('42 次采样');
    const hint = [...root.querySelectorAll<HTMLButtonElement>('wl-field-hint button')].find(
      (button) => button.getAttribute('aria-label') === '最高在线：填写说明',
    );
    expect(hint).toBeDefined();
    hint?.click();
    await settle(fixture);
    const popover = text(document.querySelector('.wl-hint-popover'));
    expect(popover).toContain('企业微信只提供当前在线人数');
    expect(popover).toContain('每分钟采样一次');
    expect(popover).toContain('未采样');
  });

  it('has a hint explaining what an empty or filled userid does (R4.4)', async () => {
    const { root } = await render();
    const hint = root.querySelector('wl-field-hint button');
    expect(hint?.getAttribute('aria-label')).toBe('成员 userid：填写说明');
  });

  it('sorts on the host when a header is clicked', async () => {
    const { fixture, fake, root } = await render();
    const header = [...root.querySelectorAll<HTMLElement>('th .mat-sort-header-container')].find(
      (node) => text(node) === '观看人数',
    );
    header?.click();
    await settle(fixture);
    expect(fake.callsTo('live-list.query').at(-1)).toEqual(
      jasmine.objectContaining({ sort: { field: 'viewerNum', direction: 'asc' } }),
    );
  });

  it('keeps 查看详情 disabled without the detail plugin and shows 导入签到 only with checkin-import', async () => {
    const { fixture, fake } = await render();
    let menu = await menuOf(fixture, 0);
    const items = await menu.getItems();
    const labels = await Promise.all(items.map((item) => item.getText()));
    expect(labels.map((label) => label.trim())).toEqual(['查看详情', '导出']);
    expect(await items[0]?.isDisabled()).toBeTrue();
    await menu.close();

    fake.emit('plugins.changed', {
      plugins: [{ id: 'checkin-import', title: '导入签到', version: '1.0.0', state: 'enabled' }],
    });
    await settle(fixture);
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    menu = await menuOf(fixture, 0);
    await menu.clickItem({ text: /导入签到/ });
    expect(navigate).toHaveBeenCalledWith(['/checkin'], { queryParams: { livingid: 'lv-ended-1' } });

    // With the detail plugin on, 查看详情 opens the live's page.
    fake.emit('plugins.changed', {
      plugins: [{ id: 'live-detail', title: '直播详情', version: '1.0.0', state: 'enabled' }],
    });
    await settle(fixture);
    menu = await menuOf(fixture, 0);
    await menu.clickItem({ text: /查看详情/ });
    expect(navigate).toHaveBeenCalledWith(['/live', 'lv-ended-1']);
  });

  it('offers 取消预约 only for a reserved live and cancels it after the confirmation', async () => {
    const { fixture, fake } = await render();
    fake.answer('live-list.cancel', { live: { ...reserved, status: 4 } });
    const menu = await menuOf(fixture, 1);
    await menu.clickItem({ text: /取消预约/ });
    await settle(fixture);
    expect(text(document.querySelector('mat-dialog-container'))).toContain('新品发布预告');
    document.querySelector<HTMLButtonElement>('[data-testid=confirm-cancel]')?.click();
    await settle(fixture);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(fixture);
    expect(fake.callsTo('live-list.cancel')).toEqual([{ livingid: 'lv-reserved-1' }]);
  });

  it('does not offer 取消预约 for a reserved live someone else created (the host refuses it too)', async () => {
    const { fixture } = await render([{ ...reserved, creatorUserid: 'wangwu' }]);
    const menu = await menuOf(fixture, 0);
    const labels = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    expect(labels.map((label) => label.trim())).toEqual(['查看详情', '导出']);
  });

  it('exports the filtered list with the statistics sheet and saves the file when the job is done', async () => {
    const { fixture, fake, root } = await render();
    fake.answer('live-list.export', { jobId: 'job-export' });
    fake.answer('jobs.get', done('job-export', { fileId: 'f-1', fileName: '成员直播列表.xlsx', rows: 2 }));
    fake.answer('files.saveAs', { path: '/home/u/成员直播列表.xlsx', name: '成员直播列表.xlsx' });
    root.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await settle(fixture);
    button(root, '导出 Excel').click();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle(fixture);
    expect(fake.callsTo('live-list.export')).toEqual([
      jasmine.objectContaining({ withCharts: true, sort: { field: 'start', direction: 'desc' } }),
    ]);
    expect(fake.callsTo('files.saveAs')).toEqual([{ fileId: 'f-1', defaultName: '成员直播列表.xlsx' }]);
  });

  it('shows an error with a retry', async () => {
    sessionStorage.clear();
    const { fixture, fake, root } = await render();
    fake.fail('live-list.query', { code: 'INTERNAL', message: '数据库不可用' });
    button(root, '导出 Excel');
    const page = fixture.componentInstance as LiveListPage;
    await page.load();
    await settle(fixture);
    expect(text(root.querySelector('[role=alert]'))).toContain('数据库不可用');
    fake.answer('live-list.query', { rows: [row()], total: 1 });
    button(root, '重试').click();
    await settle(fixture);
    expect(root.querySelectorAll('tr.mat-mdc-row').length).toBe(1);
  });
});

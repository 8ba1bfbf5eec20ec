import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { JOB_POLL_MS } from '../../../sdk/ui/job-progress.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../sdk/ui/session.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { FakeRpcFailure, FakeTransport } from '../../../sdk/ui/testing/fake-transport.js';
import type {
  CheckinImportResult,
  CheckinLiveOption,
  MemberPreview,
  MemberRow,
  MemberRowsQuery,
} from '../shared/checkin-api.js';
import { CheckinImportPage } from './checkin-import-page.js';

const LIVE: CheckinLiveOption = { livingid: 'lv-1', theme: '新品推广直播', start: 1741839370, status: 2 };

function member(row: number, raw: string, state: MemberPreview['state']): MemberRow {
  const [name = raw, suffix = null] = raw.split('@');
  return {
    roundNo: 1,
    sheet: '第一次签到',
    row,
    raw,
    name,
    suffix,
    origin: suffix === '微信' ? 'wechat' : 'none',
    department: '',
    state,
    viewer: state === 'matched' ? { kind: 'external', viewerId: `wm-${row}`, name } : null,
    matchedBy: state === 'matched' ? 'exact' : null,
    candidates:
      state === 'ambiguous'
        ? [
            { kind: 'external', viewerId: 'wmA', name },
            { kind: 'external', viewerId: 'wmB', name },
          ]
        : [],
    reason:
      state === 'ambiguous'
        ? `有 2 位观众同名「${name}」，无法确定是哪一位`
        : state === 'unmatched'
          ? '这场直播的观众中没有这个名字'
          : null,
  };
}

function result(imported: boolean): CheckinImportResult {
  return {
    livingid: LIVE.livingid,
    fileName: '签到.xlsx',
    imported,
    skippedSheets: [],
    notices: [],
    rounds: [
      {
        roundNo: 1,
        sheetIndex: 1,
        sheet: '第一次签到',
        startedAt: 1741839420,
        startedText: '2025-03-13 12:17',
        statedCount: 3,
        rowsFound: 3,
        repeatedNames: 0,
        warnings: [],
        matched: 1,
        ambiguous: 1,
        unmatched: 1,
      },
    ],
    matched: 1,
    ambiguous: 1,
    unmatched: 1,
  };
}

function job(jobId: string, overrides: Partial<JobSnapshot>): JobSnapshot {
  return {
    jobId,
    kind: 'checkin-import.preview',
    state: 'done',
    done: 2,
    total: 2,
    message: '预览完成',
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

function button(fixture: ComponentFixture<unknown>, label: string): HTMLButtonElement | undefined {
  return [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>('button')].find(
    (found) => text(found).includes(label),
  );
}

const MEMBERS: MemberRow[] = [
  member(7, '黍离。@微信', 'matched'),
  member(8, '晴天@微信', 'ambiguous'),
  member(9, '路人甲@微信', 'unmatched'),
];

/** `checkin-import.rows` as the plugin answers it: the job's rows filtered by state, one page. */
function rowsOf(members: readonly MemberRow[]) {
  return (input: unknown) => {
    const query = input as MemberRowsQuery;
    const fitting = members.filter((found) => query.state === undefined || found.state === query.state);
    const from = (query.page - 1) * query.pageSize;
    return { rows: fitting.slice(from, from + query.pageSize), total: fitting.length };
  };
}

async function render(
  livingid: string | null,
  jobs: Record<string, JobSnapshot>,
  members: readonly MemberRow[] = MEMBERS,
) {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      provideAppIcons(),
      provideRouter([]),
      { provide: JOB_POLL_MS, useValue: 20 },
      {
        provide: ActivatedRoute,
        useValue: { snapshot: { queryParamMap: convertToParamMap(livingid === null ? {} : { livingid }) } },
      },
    ],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  TestBed.inject(AppSession).signedIn({
    session: 'test-session',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  fake.answer('checkin-import.live', (input: unknown) => {
    if ((input as { livingid: string }).livingid === LIVE.livingid) return LIVE;
    throw new FakeRpcFailure({
      code: 'NOT_FOUND',
      message: '本地没有这场直播（missing）：请先同步或打开该直播',
    });
  });
  fake.answer('lives.pick', [{ ...LIVE, anchorUserid: 'WangDeSheng', anchorName: '王德胜' }]);
  fake.answer('files.pickOpen', { fileId: 'file-1', name: '签到.xlsx', size: 2048 });
  fake.answer('checkin-import.prepare', null);
  fake.answer('checkin-import.preview', { jobId: 'job-preview' });
  fake.answer('checkin-import.import', { jobId: 'job-import' });
  fake.answer('jobs.get', (input: unknown) => jobs[(input as { jobId: string }).jobId]);
  fake.answer('checkin-import.rows', rowsOf(members));
  const fixture = TestBed.createComponent(CheckinImportPage);
  await settle(fixture);
  return { fixture, fake, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe('CheckinImportPage', () => {
  it('takes ?livingid=, previews the uploaded workbook and imports it on 确认导入', async () => {
    const { fixture, fake } = await render('lv-1', {
      'job-preview': job('job-preview', { result: result(false) }),
      'job-import': job('job-import', {
        kind: 'checkin-import.import',
        message: '导入完成',
        result: result(true),
      }),
    });
    expect(text(fixture.nativeElement.querySelector('[data-testid=chosen-live]'))).toContain('新品推广直播');
    expect(button(fixture, '确认导入')).toBeUndefined();
    // Opening the page readies a parse worker on the host, once.
    expect(fake.callsTo('checkin-import.prepare')).toEqual([{}]);

    button(fixture, '选择签到表')?.click();
    await settle(fixture);
    expect(fake.callsTo('files.pickOpen')).toEqual([
      { title: '选择签到表', extensions: ['xlsx'], filterName: 'Excel 工作簿' },
    ]);
    expect(fake.callsTo('checkin-import.preview')).toEqual([{ livingid: 'lv-1', fileId: 'file-1' }]);
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('[data-testid=count-matched]'))).toBe('1');
    expect(text(page.querySelector('[data-testid=count-ambiguous]'))).toBe('1');
    expect(text(page.querySelector('[data-testid=count-unmatched]'))).toBe('1');
    const cells = [...page.querySelectorAll('table.rounds tbody td')].map((cell) => text(cell));
    expect(cells).toEqual(['第 1 次', '第一次签到', '2025-03-13 12:17:00', '3', '3', '1', '0', '—']);
    expect(text(page)).toContain('有 2 位观众同名「晴天」，无法确定是哪一位');
    expect(text(page)).toContain('第一次签到 · 第 9 行');

    button(fixture, '确认导入')?.click();
    await settle(fixture);
    expect(fake.callsTo('checkin-import.import')).toEqual([{ livingid: 'lv-1', fileId: 'file-1' }]);
    expect(text(page.querySelector('[data-testid=import-done]'))).toContain('已导入 1 轮签到：已匹配 1 人次');
  });

  it('shows skipped sheets, notices and round warnings, and lists big groups a hundred at a time', async () => {
    const messy = result(false);
    const round = messy.rounds[0]!;
    const many = Array.from({ length: 250 }, (_, index) => member(10 + index, `张伟@微信`, 'ambiguous'));
    messy.rounds = [
      {
        ...round,
        statedCount: 260,
        rowsFound: 253,
        repeatedNames: 250,
        warnings: [
          '「已签到人数」为 260，明细中有 253 行（导出时可能仍有人在签到）：两个数字都会保存，按明细逐行导入',
        ],
        ambiguous: 251,
      },
    ];
    messy.ambiguous = 251;
    messy.skippedSheets = [{ sheet: '汇总', reason: '不是签到轮次' }];
    messy.notices = ['工作表的排列顺序与签到轮次不一致：已按轮次（第一次、第二次……）排序'];
    const { fixture, fake } = await render('lv-1', { 'job-preview': job('job-preview', { result: messy }) }, [
      ...MEMBERS,
      ...many,
    ]);
    button(fixture, '选择签到表')?.click();
    await settle(fixture);
    const page = fixture.nativeElement as HTMLElement;
    const notices = text(page.querySelector('[data-testid=workbook-notices]'));
    expect(notices).toContain('已跳过工作表「汇总」：不是签到轮次');
    expect(notices).toContain('已按轮次');
    expect(text(page.querySelector('[data-testid=round-warning]'))).toContain(
      '「已签到人数」为 260，明细中有 253 行',
    );
    const ambiguous = page.querySelector('.group-ambiguous') as HTMLElement;
    expect(ambiguous.querySelectorAll('.members > li').length).toBe(100);
    button(fixture, '再显示 100 条')?.click();
    await settle(fixture);
    expect(ambiguous.querySelectorAll('.members > li').length).toBe(200);
    expect(text(ambiguous)).toContain('已显示 200 / 251');
    // Each group's rows come a page at a time from the job, fetched when its panel is open.
    expect(fake.callsTo('checkin-import.rows')).toEqual([
      { jobId: 'job-preview', state: 'ambiguous', page: 1, pageSize: 100 },
      { jobId: 'job-preview', state: 'unmatched', page: 1, pageSize: 100 },
      { jobId: 'job-preview', state: 'ambiguous', page: 2, pageSize: 100 },
    ]);
    button(fixture, '再显示 100 条')?.click();
    await settle(fixture);
    expect(ambiguous.querySelectorAll('.members > li').length).toBe(251);
    expect(button(fixture, '再显示 100 条')).toBeUndefined();
    // The matched group is fetched only once opened.
    (page.querySelector('.group-matched mat-expansion-panel-header') as HTMLElement).click();
    await settle(fixture);
    expect(text(page.querySelector('.group-matched'))).toContain('黍离。@微信');
    expect(fake.callsTo('checkin-import.rows').length).toBe(5);
  });

  it('says when a group’s rows cannot be loaded, and loads them on 重试', async () => {
    const { fixture, fake } = await render('lv-1', {
      'job-preview': job('job-preview', { result: result(false) }),
    });
    let failing = true;
    fake.answer('checkin-import.rows', (input: unknown) => {
      if (failing) throw new FakeRpcFailure({ code: 'NOT_FOUND', message: '任务不存在或无权查看。' });
      return rowsOf(MEMBERS)(input);
    });
    button(fixture, '选择签到表')?.click();
    await settle(fixture);
    const ambiguous = (fixture.nativeElement as HTMLElement).querySelector('.group-ambiguous') as HTMLElement;
    expect(text(ambiguous.querySelector('[role=alert]'))).toContain('加载成员失败');
    failing = false;
    button(fixture, '重试')?.click();
    await settle(fixture);
    expect(ambiguous.querySelector('[role=alert]')).toBeNull();
    expect(text(ambiguous)).toContain('有 2 位观众同名「晴天」，无法确定是哪一位');
  });

  it('lists every problem of a refused workbook with its sheet and row, and offers no import', async () => {
    const { fixture } = await render('lv-1', {
      'job-preview': job('job-preview', {
        state: 'failed',
        message: '',
        error: {
          code: 'IMPORT_INVALID',
          message: '签到表无法导入：工作表「第二次签到」：缺少「签到明细」区块（共 2 个问题）',
          details: {
            issues: [
              {
                sheet: '第二次签到',
                row: null,
                message: '缺少「签到明细」区块',
                text: '工作表「第二次签到」：缺少「签到明细」区块',
              },
              {
                sheet: '第三次签到',
                row: 3,
                message: '签到发起时间「x」无法识别',
                text: '工作表「第三次签到」第 3 行：签到发起时间「x」无法识别',
              },
            ],
          },
        },
      }),
    });
    button(fixture, '选择签到表')?.click();
    await settle(fixture);
    const refusal = text((fixture.nativeElement as HTMLElement).querySelector('[data-testid=refusal]'));
    expect(refusal).toContain('签到表无法导入，未写入任何数据');
    expect(refusal).toContain('工作表「第二次签到」：缺少「签到明细」区块');
    expect(refusal).toContain('工作表「第三次签到」第 3 行：签到发起时间「x」无法识别');
    // Said once, in the refusal panel: the progress line above it shows only that reading failed.
    const page = text(fixture.nativeElement as HTMLElement);
    expect(page.split('签到发起时间「x」无法识别').length - 1).toBe(1);
    expect(page.split('缺少「签到明细」区块').length - 1).toBe(1);
    expect(button(fixture, '确认导入')).toBeUndefined();
  });

  it('without a livingid, picks a live from the local store', async () => {
    const { fixture, fake, loader } = await render(null, {});
    expect(button(fixture, '选择签到表')?.disabled).toBeTrue();
    const picker = await loader.getHarness(MatAutocompleteHarness);
    await picker.enterText('新品');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(fake.callsTo('lives.pick')).toContain({ keyword: '新品', limit: 20 });
    await picker.selectOption({ text: /新品推广直播/ });
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('[data-testid=chosen-live]'))).toContain('lv-1');
    expect(button(fixture, '选择签到表')?.disabled).toBeFalse();
  });

  it('shows why a livingid from the link cannot be used, and the picker', async () => {
    const { fixture } = await render('missing', {});
    expect(text((fixture.nativeElement as HTMLElement).querySelector('[role=alert]'))).toContain(
      '请先同步或打开该直播',
    );
    expect(fixture.nativeElement.querySelector('wl-live-picker')).not.toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid=chosen-live]')).toBeNull();
  });
});

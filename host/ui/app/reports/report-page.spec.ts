import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { provideRouter } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import type {
  ReportParameterValues,
  ReportRunResult,
  ReportView,
} from '../../../../sdk/contracts/reports.js';
import { provideChineseDates } from '../../../../sdk/ui/chinese-dates.js';
import { provideAppIcons } from '../../../../sdk/ui/icons.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { provideAppState } from '../../../../sdk/ui/state/app-state.js';
import { FakeTransport } from '../../../../sdk/ui/testing/fake-transport.js';
import { echarts } from './report-echarts.js';
import { ReportPage } from './report-page.js';
import { REPORTS_DEFINITION, REPORTS_RUN } from '../../../../sdk/contracts/reports-channels.js';

const DEFINITION: ReportView & { defaults: ReportParameterValues } = {
  id: 'board',
  title: '邀请排行榜',
  description: '谁邀请来的观众最多',
  icon: 'bar_chart',
  parameters: [
    { name: 'range', label: '直播开始日期', type: 'dateRange', required: true },
    { name: 'top', label: '显示前几名', type: 'number', required: true, integer: true },
  ],
  table: {
    query: 'main',
    columns: [
      { key: 'inviter', label: '邀请人', format: 'text' },
      { key: 'invited', label: '邀请人次', format: 'integer' },
      { key: 'watch', label: '观看总时长', format: 'duration' },
    ],
    sort: { key: 'invited', direction: 'desc' },
    pageSize: 2,
  },
  charts: [
    {
      id: 'bars',
      title: '邀请人次',
      query: 'main',
      height: 240,
      option: {
        xAxis: { type: 'category', data: '$col:inviter' },
        yAxis: {},
        series: [{ type: 'bar', data: '$col:invited' }],
      },
    },
  ],
  timeZone: 'Asia/Shanghai',
  defaults: { range: { from: '2026-03-01', to: '2026-03-31' }, top: 50 },
};

const RESULT: ReportRunResult = {
  ranAt: Date.UTC(2026, 2, 31, 2, 0, 0),
  results: {
    main: {
      columns: ['inviter', 'invited', 'watch'],
      rows: [
        ['赵主管', 1, 3000],
        ['李经理', 4, 2460],
        ['外部甲', 2, 0],
      ],
    },
  },
};

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
}
const text = (element: Element | null): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(setUp: (fake: FakeTransport) => void) {
  TestBed.configureTestingModule({
    providers: [
      provideAppState(),
      provideAppIcons(),
      provideChineseDates(),
      provideRouter([]),
      provideEchartsCore({ echarts }),
    ],
  });
  const fake = new FakeTransport();
  TestBed.inject(RpcClient).use(fake);
  TestBed.inject(AppSession).signedIn({
    session: 'test-session',
    user: { userid: 'zhangsan', username: '张三', tier: 'user' },
    corp: { corpId: 'corp-1', corpname: '模拟企业', agentid: 1000002, appName: '直播助手' },
  });
  setUp(fake);
  const fixture = TestBed.createComponent(ReportPage);
  fixture.componentRef.setInput('id', 'board');
  await settle(fixture);
  return { fixture, fake, root: fixture.nativeElement as HTMLElement };
}

describe('ReportPage', () => {
  it('asks a live parameter with the shared live picker and runs with the picked livingid', async () => {
    const definition = {
      ...DEFINITION,
      parameters: [{ name: 'live', label: '直播', type: 'live' as const, required: true }],
      defaults: { live: null },
    };
    const { fixture, fake, root } = await render((f) =>
      f
        .answer('reports.definition', definition)
        .answer('reports.run', RESULT)
        .answer('lives.pick', [
          {
            livingid: 'lv-7',
            theme: '三月新品推广',
            start: 1_741_839_370,
            status: 2,
            anchorUserid: 'WangDeSheng',
            anchorName: '王德胜',
          },
        ]),
    );
    expect(root.querySelector('wl-live-picker')).not.toBeNull();
    expect(fake.callsTo('reports.run')).toEqual([]);
    const picker = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness);
    await picker.enterText('新品');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(fake.callsTo('lives.pick')).toContain({ keyword: '新品', limit: 20 });
    const options = await picker.getOptions();
    expect(await options[0]?.getText()).toContain('王德胜');
    await picker.selectOption({ text: /三月新品推广/ });
    await settle(fixture);
    const run = [...root.querySelectorAll('button')].find((button) => text(button) === '运行');
    run?.click();
    await settle(fixture);
    expect(fake.callsTo('reports.run')).toEqual([{ id: 'board', params: { live: 'lv-7' } }]);
  });

  it('builds the form from the definition, runs with the defaults, sorts, pages and draws the chart', async () => {
    const { fixture, fake, root } = await render((f) =>
      f.answer(REPORTS_DEFINITION, DEFINITION).answer(REPORTS_RUN, RESULT),
    );
    expect(text(root.querySelector('h1'))).toBe('邀请排行榜');
    expect(root.querySelectorAll('mat-date-range-input').length).toBe(1);
    expect(fake.callsTo(REPORTS_RUN)).toEqual([
      { id: 'board', params: { range: { from: '2026-03-01', to: '2026-03-31' }, top: 50 } },
    ]);
    const cells = () =>
      [...root.querySelectorAll('tr[mat-row]')].map((row) =>
        [...row.querySelectorAll('td')].map((td) => text(td)),
      );
    // Sorted by 邀请人次, descending, two rows a page.
    expect(cells()).toEqual([
      ['李经理', '4', '41分'],
      ['外部甲', '2', '0秒'],
    ]);
    expect(text(root)).toContain('共 3 行');
    // 观看总时长, ascending: by the seconds, not the text.
    (root.querySelectorAll('th[mat-header-cell] .mat-sort-header-container')[2] as HTMLElement).click();
    await settle(fixture);
    expect(cells().map((row) => row[0])).toEqual(['外部甲', '李经理']);
    expect(root.querySelector('mat-paginator')).not.toBeNull();
    expect(root.querySelector('.chart-card h2')?.textContent).toContain('邀请人次');
    expect(root.querySelector('.chart-card [echarts]')).not.toBeNull();
  });

  it('says why a run failed, and why a report cannot open', async () => {
    const failing = await render((f) =>
      f.answer(REPORTS_DEFINITION, DEFINITION).fail(REPORTS_RUN, {
        code: 'CONFLICT',
        message: '报表「邀请排行榜」的查询 main 超时，已停止：请缩小日期范围或条件后重试。',
      }),
    );
    expect(text(failing.root.querySelector('[role="alert"]'))).toContain('超时');
    TestBed.resetTestingModule();
    const missing = await render((f) =>
      f.fail(REPORTS_DEFINITION, {
        code: 'NOT_FOUND',
        message: '报表「board」不存在或未启用，请联系超级管理员。',
      }),
    );
    expect(text(missing.root.querySelector('[role="alert"]'))).toContain('不存在或未启用');
  });
});

import { TestBed } from '@angular/core/testing';
import type { ReportExample, ReportListRow } from '../../../../sdk/contracts/reports.js';
import { setUpSettings, settle, text, until } from '../testing/settings-testing.js';
import { ReportsPage } from './reports-page.js';
import {
  REPORTS_INSTALL_EXAMPLE,
  REPORTS_LIST,
  REPORTS_RESCAN,
  REPORTS_SET_ENABLED,
} from '../../../../sdk/contracts/reports-channels.js';

const ROW: ReportListRow = {
  id: 'invite-leaderboard',
  folder: '/data/reports/invite-leaderboard',
  state: 'disabled',
  title: '邀请排行榜',
  version: '1.0.0',
  engine: '^1.0.0',
  engineOk: true,
  tier: 'user',
  hash: 'abcdef0123456789abcdef',
  enabledHash: '0011223344556677',
  changed: true,
  reason: null,
};
const BROKEN: ReportListRow = {
  ...ROW,
  id: 'broken',
  state: 'failed',
  title: null,
  enabledHash: null,
  changed: false,
  reason: '报表「broken」的 report.json：字段 queries[0].sql（查询 main）：未知的列「nickname」',
};
const EXAMPLES: ReportExample[] = [
  { id: 'invite-funnel', title: '邀请转化漏斗', description: '受邀 → 观看 → 签到', installed: false },
];

async function render(reports: ReportListRow[]) {
  const transport = setUpSettings({ tier: 'root-admin' });
  let rows = reports.map((row) => ({ ...row }));
  const answer = () => ({ folder: '/data/reports', reports: rows, examples: EXAMPLES });
  transport.answer(REPORTS_LIST, answer);
  transport.answer(REPORTS_RESCAN, answer);
  transport.answer(REPORTS_SET_ENABLED, (input: unknown) => {
    const { id, enabled } = input as { id: string; enabled: boolean };
    rows = rows.map((row) =>
      row.id === id
        ? {
            ...row,
            state: enabled ? 'enabled' : 'disabled',
            enabledHash: enabled ? row.hash : null,
            changed: false,
          }
        : row,
    );
    return answer();
  });
  transport.answer(REPORTS_INSTALL_EXAMPLE, () => {
    rows = [
      ...rows,
      { ...ROW, id: 'invite-funnel', title: '邀请转化漏斗', state: 'enabled', changed: false },
    ];
    return answer();
  });
  const fixture = TestBed.createComponent(ReportsPage);
  await settle(fixture);
  return { fixture, transport };
}

describe('ReportsPage', () => {
  it('lists each report with hash, engine check, a change since enabling, and a failure’s reason', async () => {
    const { fixture } = await render([ROW, BROKEN]);
    const cards = Array.from(
      fixture.nativeElement.querySelectorAll('[data-report]') as NodeListOf<HTMLElement>,
    );
    expect(cards.map((card) => card.dataset['report'])).toEqual(['invite-leaderboard', 'broken']);
    expect(text(cards[0])).toContain('内容指纹 abcdef012345');
    expect(text(cards[0])).toContain('启用后已修改');
    expect(text(cards[0])).toContain('（符合）');
    expect(text(cards[1])).toContain('无效');
    expect(text(cards[1])).toContain('未知的列「nickname」');
    expect(cards[1]?.querySelector('mat-slide-toggle')).toBeNull();
    expect(text(fixture.nativeElement)).toContain('/data/reports');
  });

  it('enables a report, rescans and installs an example with one click', async () => {
    const { fixture, transport } = await render([ROW]);
    (
      fixture.nativeElement.querySelector('[data-report] mat-slide-toggle button') as HTMLButtonElement
    ).click();
    await until(fixture, () => transport.callsTo(REPORTS_SET_ENABLED).length === 1);
    expect(transport.callsTo(REPORTS_SET_ENABLED)).toEqual([{ id: 'invite-leaderboard', enabled: true }]);
    await settle(fixture);
    expect(text(fixture.nativeElement.querySelector('[data-report]'))).toContain('已启用');

    const buttons = Array.from(
      fixture.nativeElement.querySelectorAll('button') as NodeListOf<HTMLButtonElement>,
    );
    buttons.find((button) => text(button).includes('重新扫描'))?.click();
    await until(fixture, () => transport.callsTo(REPORTS_RESCAN).length === 1);

    (
      fixture.nativeElement.querySelector('[data-example="invite-funnel"] button') as HTMLButtonElement
    ).click();
    await until(fixture, () => transport.callsTo(REPORTS_INSTALL_EXAMPLE).length === 1);
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[data-report="invite-funnel"]')).not.toBeNull();
  });

  it('shows the empty state with the examples below it', async () => {
    const { fixture } = await render([]);
    expect(text(fixture.nativeElement)).toContain('报表文件夹中还没有报表');
    expect(fixture.nativeElement.querySelector('[data-example="invite-funnel"]')).not.toBeNull();
  });
});

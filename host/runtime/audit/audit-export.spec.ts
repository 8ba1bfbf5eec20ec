import ExcelJS from 'exceljs';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
} from '../../../tests/support/runtime-harness.js';
import type { AuditExportResult } from './audit-export.js';
import type { HostRuntime } from '../core/host-runtime.js';

/** Three audit rows at known moments (UTC), oldest first. */
const ROWS = [
  {
    at: Date.UTC(2026, 0, 15, 1, 2, 3),
    actor_userid: null,
    actor_tier: null,
    action: 'auth.login',
    target: 'root',
    ok: 0,
    detail: JSON.stringify({ kind: 'root' }),
  },
  {
    at: Date.UTC(2026, 6, 31, 17, 30, 0),
    actor_userid: 'zhangsan',
    actor_tier: 'wecom-admin',
    action: 'users.save',
    target: '李四（lisi）的一个相当长的对象名称，用来撑开这一列的宽度，直到到达列宽的上限为止',
    ok: 1,
    detail: JSON.stringify({ tier: 'wecom-admin' }),
  },
  {
    at: Date.UTC(2026, 10, 1, 23, 59, 59),
    actor_userid: 'root-admin',
    actor_tier: 'root-admin',
    action: 'auth.login',
    target: null,
    ok: 1,
    detail: null,
  },
];

function errorCode(result: RpcResult): string {
  return result.ok ? 'ok' : result.error.code;
}

async function openWorkbook(runtime: HostRuntime, token: string, fileId: string): Promise<ExcelJS.Workbook> {
  const call = await runtime.sessions.resolve(token);
  const stored = await runtime.files.get(fileId, call);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(stored.path);
  return workbook;
}

describe('audit.export (an .xlsx of the audit log)', () => {
  let dataDir: string;
  let runtime: HostRuntime;

  async function start(timeZone?: string): Promise<void> {
    if (timeZone !== undefined) writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ timeZone }));
    runtime = await startRuntime(dataDir);
    await runtime.db('audit_log').delete();
    await runtime.db('audit_log').insert(ROWS);
  }

  beforeEach(() => (dataDir = tempDataDir('audit-export')));
  afterEach(async () => {
    await runtime.stop();
    removeDir(dataDir);
  });

  it('writes Chinese headers, every row newest first, and real dates in Asia/Shanghai', async () => {
    await start();
    const root = await sessionFor(runtime, 'root-admin', 'root-admin');
    const result = dataOf<AuditExportResult>(await runtime.router.dispatch('audit.export', {}, root));
    expect(result.rows).toBe(3);
    expect(result.name).toMatch(/^审计日志-\d{8}-\d{6}\.xlsx$/);

    const workbook = await openWorkbook(runtime, root, result.fileId);
    const sheet = workbook.getWorksheet('审计日志');
    if (sheet === undefined) throw new Error('no sheet 审计日志');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '编号',
      '时间',
      '操作人',
      '身份',
      '操作',
      '对象',
      '结果',
      '详情',
    ]);
    expect(sheet.rowCount).toBe(4);
    const texts = [2, 3, 4].map((n) => [3, 4, 5, 6, 7, 8].map((c) => sheet.getRow(n).getCell(c).text));
    expect(texts).toEqual([
      ['root-admin', '超级管理员', '登录', '', '成功', ''],
      ['zhangsan', '企微管理员', '设为企微管理员', ROWS[1]?.target ?? '?', '成功', '权限：企微管理员'],
      // A key the labels do not know stays, as it is.
      ['（未登录）', '', '登录', 'root', '失败', 'kind：root'],
    ]);
    expect(sheet.getRow(4).getCell(1).value).toBe(1);

    // Dates are date cells (not text) showing Beijing wall-clock time: exceljs reads them back as
    // Dates whose UTC fields are that wall clock.
    const dates = [2, 3, 4].map((n) => sheet.getRow(n).getCell(2));
    for (const cell of dates) {
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    }
    expect(dates.map((cell) => (cell.value as Date).toISOString())).toEqual([
      '2026-11-02T07:59:59.000Z',
      '2026-08-01T01:30:00.000Z',
      '2026-01-15T09:02:03.000Z',
    ]);

    // Frozen header, widths for the content (CJK counts double), capped.
    expect(sheet.views[0]).toEqual(jasmine.objectContaining({ state: 'frozen', ySplit: 1 }));
    const widths = sheet.columns.map((column) => column.width);
    expect(widths[1]).toBeGreaterThanOrEqual(19);
    expect(widths[5]).toBe(60);
    expect(widths[2]).toBe(12);
    expect(sheet.getRow(1).font?.bold).toBeTrue();
  });

  it('uses the configured time zone, the list filters, and records the export', async () => {
    await start('America/New_York');
    const root = await sessionFor(runtime, 'root-admin', 'root-admin');
    const result = dataOf<AuditExportResult>(
      await runtime.router.dispatch('audit.export', { action: 'auth.login' }, root),
    );
    expect(result.rows).toBe(2);
    const sheet = (await openWorkbook(runtime, root, result.fileId)).getWorksheet('审计日志');
    const times = [2, 3].map((n) => (sheet?.getRow(n).getCell(2).value as Date).toISOString());
    // New York's clock, daylight saving included: 23:59:59 UTC on 1 November 2026 is 18:59:59 (EST, as
    // summer time ended that morning); 01:02:03 UTC on 15 January is 20:02:03 the day before.
    expect(times).toEqual(['2026-11-01T18:59:59.000Z', '2026-01-14T20:02:03.000Z']);

    const recorded = (await runtime.db('audit_log').where({ action: 'audit.export' })) as Array<{
      actor_userid: string;
      detail: string;
    }>;
    expect(recorded.length).toBe(1);
    expect(recorded[0]?.actor_userid).toBe('root-admin');
    expect(JSON.parse(recorded[0]?.detail ?? '{}')).toEqual({ rows: 2, action: 'auth.login' });
  });

  it('writes each detail as readable Chinese pairs, never the stored JSON', async () => {
    await start();
    await runtime.db('audit_log').insert([
      {
        at: Date.UTC(2026, 11, 1, 2, 0, 0),
        actor_userid: 'root-admin',
        actor_tier: 'root-admin',
        action: 'config.cleanup',
        target: '2026-06-01',
        ok: 1,
        detail: JSON.stringify({
          cutoff: Date.UTC(2026, 4, 31, 16, 0, 0),
          deleted: { 'host.audit': 12, 'host.jobs': 3 },
        }),
      },
      {
        at: Date.UTC(2026, 11, 1, 3, 0, 0),
        actor_userid: 'zhangsan',
        actor_tier: 'user',
        action: 'checkin-import.import',
        target: '签到.xlsx → lv1',
        ok: 1,
        detail: JSON.stringify({ livingid: 'lv1', rounds: 2, matched: 40, ambiguous: 1, unmatched: 3 }),
      },
      {
        at: Date.UTC(2026, 11, 1, 4, 0, 0),
        actor_userid: 'root-admin',
        actor_tier: 'root-admin',
        action: 'audit.export',
        target: null,
        ok: 1,
        detail: JSON.stringify({ rows: 2, action: 'auth.login' }),
      },
      {
        at: Date.UTC(2026, 11, 1, 5, 0, 0),
        actor_userid: 'root-admin',
        actor_tier: 'root-admin',
        action: 'plugins.setEnabled',
        target: 'live-list',
        ok: 1,
        detail: JSON.stringify({ enabled: false }),
      },
    ]);
    const root = await sessionFor(runtime, 'root-admin', 'root-admin');
    const result = dataOf<AuditExportResult>(await runtime.router.dispatch('audit.export', {}, root));
    const sheet = (await openWorkbook(runtime, root, result.fileId)).getWorksheet('审计日志');
    const details = new Map<string, string>();
    sheet?.eachRow((row, rowNo) => {
      if (rowNo > 1) details.set(row.getCell(5).text, row.getCell(8).text);
    });
    expect(details.get('清理旧数据')).toBe(
      '清理截止时间：2026-06-01 00:00:00；已删除：审计日志记录 12，已结束的后台任务 3',
    );
    expect(details.get('导入签到表')).toBe('直播 ID：lv1；签到轮次：2；已匹配：40；同名待确认：1；未匹配：3');
    expect(details.get('导出审计日志')).toBe('行数：2；筛选的操作：登录');
    expect(details.get('停用插件')).toBe('启用：否');
    expect([...details.values()].some((text) => /[{}"]/.test(text))).toBeFalse();
  });

  it('is for root-admin only, like audit.list, and an empty log still gives a workbook', async () => {
    await start();
    const admin = await sessionFor(runtime, 'wecom-admin');
    const user = await sessionFor(runtime, 'user');
    expect(errorCode(await runtime.router.dispatch('audit.export', {}, admin))).toBe('FORBIDDEN');
    expect(errorCode(await runtime.router.dispatch('audit.export', {}, user))).toBe('FORBIDDEN');
    expect(errorCode(await runtime.router.dispatch('audit.export', {}, null))).toBe('UNAUTHENTICATED');
    expect(readdirSync(join(dataDir, 'exports'))).toEqual([]);

    const root = await sessionFor(runtime, 'root-admin', 'root-admin');
    const result = dataOf<AuditExportResult>(
      await runtime.router.dispatch('audit.export', { action: 'no.such.action' }, root),
    );
    expect(result.rows).toBe(0);
    const sheet = (await openWorkbook(runtime, root, result.fileId)).getWorksheet('审计日志');
    expect(sheet?.rowCount).toBe(1);
    const call = await runtime.sessions.resolve(root);
    expect(existsSync((await runtime.files.get(result.fileId, call)).path)).toBeTrue();
  });
});

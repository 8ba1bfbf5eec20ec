import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import type { ReportRunResult } from '../../../sdk/contracts/reports.js';
import { addViewers } from '../../../tests/support/report-store.js';
import {
  simpleReport,
  startReportWorld,
  writeReport,
  type ReportWorld,
} from '../../../tests/support/report-runtime.js';
import { dataOf, removeDir } from '../../../tests/support/runtime-harness.js';

function errorOf(result: RpcResult): { code: string; message: string; details?: Record<string, unknown> } {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('report runner', () => {
  let world: ReportWorld;

  afterEach(async () => {
    await world.runtime.stop();
    removeDir(world.dataDir);
  });

  const install = async (id: string, report: Record<string, unknown>): Promise<void> => {
    writeReport(world, id, report);
    dataOf(await world.runtime.router.dispatch('reports.rescan', {}, world.root));
    dataOf(await world.runtime.router.dispatch('reports.setEnabled', { id, enabled: true }, world.root));
  };
  const run = (id: string, params: Record<string, unknown>, session = world.userA) =>
    world.runtime.router.dispatch('reports.run', { id, params }, session);

  describe('with the default limits', () => {
    beforeEach(async () => {
      world = await startReportWorld();
    });

    it('answers the caller’s corp only, whatever the query asks', async () => {
      await install(
        'all',
        simpleReport('all', {
          parameters: [],
          queries: [
            { id: 'main', sql: 'select name, watch_seconds, corp_id from report_v1_viewers order by name' },
          ],
        }),
      );
      const a = dataOf<ReportRunResult>(await run('all', {}));
      const b = dataOf<ReportRunResult>(await run('all', {}, world.userB));
      const corpsOf = (result: ReportRunResult) => new Set(result.results['main']?.rows.map((row) => row[2]));
      expect(corpsOf(a)).toEqual(new Set([world.corpA]));
      expect(corpsOf(b)).toEqual(new Set([world.corpB]));
      expect(b.results['main']?.rows.map((row) => row[0])).toEqual(['乙客户', '乙张三']);
      // Naming another corp's id changes nothing: the views hold the caller's rows only.
      await install(
        'other',
        simpleReport('other', {
          parameters: [{ name: 'corp', label: '企业', type: 'string' }],
          queries: [
            { id: 'main', sql: 'select name, watch_seconds from report_v1_viewers where corp_id = :corp' },
          ],
        }),
      );
      const sneaky = dataOf<ReportRunResult>(await run('other', { corp: world.corpB }));
      expect(sneaky.results['main']?.rows).toEqual([]);
    });

    it('binds parameters as values, never as SQL, and refuses a value of the wrong type', async () => {
      await install(
        'byname',
        simpleReport('byname', {
          parameters: [{ name: 'who', label: '观众姓名', type: 'string' }],
          queries: [
            { id: 'main', sql: 'select name, watch_seconds from report_v1_viewers where name = :who' },
          ],
        }),
      );
      const injected = dataOf<ReportRunResult>(await run('byname', { who: "张三' or '1'='1" }));
      expect(injected.results['main']?.rows).toEqual([]);
      const exact = dataOf<ReportRunResult>(await run('byname', { who: '张三' }));
      expect(exact.results['main']?.rows).toEqual([
        ['张三', 1200],
        ['张三', 60],
      ]);

      const wrong = errorOf(await run('byname', { who: 42 }));
      expect(wrong.code).toBe('INVALID_INPUT');
      expect(wrong.message).toContain('观众姓名');
      expect(wrong.details?.['field']).toBe('params.who');
      expect(errorOf(await run('byname', {})).message).toContain('必须填写');
      expect(errorOf(await run('byname', { who: '张三', extra: 1 })).message).toContain('extra');
    });

    it('checks date ranges and numbers against their definition', async () => {
      await install(
        'range',
        simpleReport('range', {
          parameters: [
            { name: 'range', label: '日期', type: 'dateRange' },
            { name: 'min', label: '最少秒数', type: 'number', integer: true, min: 0 },
          ],
          queries: [
            {
              id: 'main',
              sql: 'select name, watch_seconds from report_v1_viewers where live_start_at >= :range_from and live_start_at < :range_to and watch_seconds >= :min order by watch_seconds desc',
            },
          ],
        }),
      );
      const march = dataOf<ReportRunResult>(
        await run('range', { range: { from: '2026-03-10', to: '2026-03-10' }, min: 0 }),
      );
      expect(march.results['main']?.rows).toEqual([
        ['吴九', 3000],
        ['张三', 60],
      ]);
      expect(
        errorOf(await run('range', { range: { from: '2026-03-31', to: '2026-03-01' }, min: 0 })).message,
      ).toContain('开始日期');
      expect(
        errorOf(await run('range', { range: { from: '2026-02-30', to: '2026-03-01' }, min: 0 })).code,
      ).toBe('INVALID_INPUT');
      expect(
        errorOf(await run('range', { range: { from: '2026-03-01', to: '2026-03-31' }, min: 1.5 })).message,
      ).toContain('整数');
      expect(
        errorOf(await run('range', { range: { from: '2026-03-01', to: '2026-03-31' }, min: -1 })).message,
      ).toContain('不能小于 0');
    });
  });

  describe('with short limits', () => {
    beforeEach(async () => {
      world = await startReportWorld({ timeoutMs: 300, maxRows: 5 });
    });

    it('stops a query over the row cap with a message naming the report and the cap', async () => {
      await install(
        'many',
        simpleReport('many', {
          parameters: [],
          queries: [{ id: 'main', sql: 'select name, watch_seconds from report_v1_viewers' }],
        }),
      );
      const refused = errorOf(await run('many', {}));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('报表「报表many」');
      expect(refused.message).toContain('5 行上限');
      expect(refused.details?.['reason']).toBe('row-cap');
    });

    it('stops a runaway query at its timeout; the host and other reports run on', async () => {
      await addViewers(world.runtime.db, 'live-a1', 400);
      await install(
        'slow',
        simpleReport('slow', {
          parameters: [],
          queries: [
            {
              id: 'main',
              sql: 'select count(*) as name, 0 as watch_seconds from report_v1_viewers a, report_v1_viewers b, report_v1_viewers c',
            },
          ],
        }),
      );
      await install('quick', simpleReport('quick'));
      const stopped = errorOf(await run('slow', {}));
      expect(stopped.code).toBe('CONFLICT');
      expect(stopped.message).toContain('超时');
      expect(stopped.details?.['reason']).toBe('timeout');
      dataOf(await world.runtime.router.dispatch('host.status', {}, null));
      const quick = dataOf<ReportRunResult>(await run('quick', { live: 'live-a2' }));
      expect(quick.results['main']?.rows).toEqual([
        ['吴九', 3000],
        ['张三', 60],
      ]);
    });
  });
});

import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import type { ReportListRow, ReportMenuEntry } from '../../../sdk/contracts/reports.js';
import { removeDir, dataOf } from '../../../tests/support/runtime-harness.js';
import {
  simpleReport,
  startReportWorld,
  writeReport,
  type ReportWorld,
} from '../../../tests/support/report-runtime.js';

function errorOf(result: RpcResult): { code: string; message: string } {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('report loader (reports.*)', () => {
  let world: ReportWorld;

  beforeEach(async () => {
    world = await startReportWorld();
  });
  afterEach(async () => {
    await world.runtime.stop();
    removeDir(world.dataDir);
  });

  const rescan = async (): Promise<ReportListRow[]> =>
    dataOf<{ reports: ReportListRow[] }>(
      await world.runtime.router.dispatch('reports.rescan', {}, world.root),
    ).reports;
  const row = async (id: string): Promise<ReportListRow> => {
    const found = (await rescan()).find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`no row ${id}`);
    return found;
  };
  const enable = async (id: string, enabled = true) =>
    world.runtime.router.dispatch('reports.setEnabled', { id, enabled }, world.root);

  it('lists a valid report disabled with its hash until root-admin enables it, then offers it live', async () => {
    writeReport(world, 'viewers', simpleReport('viewers'));
    const listed = await row('viewers');
    const bytes = readFileSync(join(world.reportsDir, 'viewers', 'report.json'));
    expect(listed.state).toBe('disabled');
    expect(listed.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(listed.engineOk).toBe(true);
    expect(listed.reason).toBeNull();
    expect(
      dataOf<ReportMenuEntry[]>(await world.runtime.router.dispatch('reports.available', {}, world.userA)),
    ).toEqual([]);
    expect(
      errorOf(
        await world.runtime.router.dispatch(
          'reports.run',
          { id: 'viewers', params: { live: 'live-a1' } },
          world.userA,
        ),
      ).code,
    ).toBe('NOT_FOUND');

    dataOf(await enable('viewers'));
    const menu = dataOf<ReportMenuEntry[]>(
      await world.runtime.router.dispatch('reports.available', {}, world.userA),
    );
    expect(menu.map((entry) => entry.id)).toEqual(['viewers']);
    dataOf(
      await world.runtime.router.dispatch(
        'reports.run',
        { id: 'viewers', params: { live: 'live-a1' } },
        world.userA,
      ),
    );

    dataOf(await enable('viewers', false));
    expect(
      errorOf(
        await world.runtime.router.dispatch(
          'reports.run',
          { id: 'viewers', params: { live: 'live-a1' } },
          world.userA,
        ),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('lists invalid JSON as failed, naming the report, and runs on', async () => {
    writeReport(world, 'broken', '{ "id": "broken", ');
    writeReport(world, 'fine', simpleReport('fine'));
    const rows = await rescan();
    const broken = rows.find((candidate) => candidate.id === 'broken');
    expect(broken?.state).toBe('failed');
    expect(broken?.reason).toContain('报表「broken」');
    expect(broken?.reason).toContain('不是有效的 JSON');
    expect(rows.find((candidate) => candidate.id === 'fine')?.state).toBe('disabled');
    expect(errorOf(await enable('broken')).code).toBe('CONFLICT');
    dataOf(await world.runtime.router.dispatch('host.status', {}, null));
  });

  it('names the field and what to fix: unknown view, unknown column, schema errors, a folder without report.json', async () => {
    writeReport(
      world,
      'noview',
      simpleReport('noview', {
        queries: [{ id: 'main', sql: 'select name, watch_seconds from report_v1_people' }],
      }),
    );
    writeReport(
      world,
      'nocolumn',
      simpleReport('nocolumn', {
        table: { query: 'main', columns: [{ key: 'nickname', label: '昵称' }] },
      }),
    );
    writeReport(
      world,
      'badsql',
      simpleReport('badsql', { queries: [{ id: 'main', sql: 'select shoe_size from report_v1_viewers' }] }),
    );
    writeReport(world, 'badtier', simpleReport('badtier', { tier: 'everyone' }));
    writeReport(world, 'otherid', simpleReport('something-else'));
    writeReport(world, 'extra', simpleReport('extra', { colour: 'red' }));
    writeReport(
      world,
      'undeclared',
      simpleReport('undeclared', {
        queries: [
          { id: 'main', sql: 'select name, watch_seconds from report_v1_viewers where livingid = :living' },
        ],
      }),
    );
    writeReport(
      world,
      'chartcol',
      simpleReport('chartcol', {
        charts: [
          { id: 'c', title: '图', query: 'main', option: { series: [{ type: 'bar', data: '$col:nope' }] } },
        ],
      }),
    );
    const rows = await rescan();
    const reason = (id: string) => rows.find((candidate) => candidate.id === id)?.reason ?? '';
    expect(reason('noview')).toContain('queries[0].sql');
    expect(reason('noview')).toContain('report_v1_people');
    expect(reason('nocolumn')).toContain('table.columns[0].key');
    expect(reason('nocolumn')).toContain('nickname');
    expect(reason('badsql')).toContain('shoe_size');
    expect(reason('badtier')).toContain('tier');
    expect(reason('otherid')).toContain('文件夹名');
    expect(reason('extra')).toContain('colour');
    expect(reason('undeclared')).toContain(':living');
    expect(reason('chartcol')).toContain('$col:nope');
    for (const id of [
      'noview',
      'nocolumn',
      'badsql',
      'badtier',
      'otherid',
      'extra',
      'undeclared',
      'chartcol',
    ]) {
      expect(rows.find((candidate) => candidate.id === id)?.state)
        .withContext(id)
        .toBe('failed');
    }
  });

  it('refuses queries that write or name anything but the read views when the report loads', async () => {
    const sqls: Record<string, string> = {
      writes: "delete from report_v1_viewers where name = ''",
      two: 'select 1 as name, 2 as watch_seconds; delete from lives',
      base: 'select theme as name, 0 as watch_seconds from lives',
      qualified: 'select name, watch_seconds from main.report_v1_viewers',
      catalogue: 'select name, 0 as watch_seconds from sqlite_schema',
      pragma: "select name, 0 as watch_seconds from pragma_table_info('users')",
      users: 'select userid as name, 0 as watch_seconds from users',
      recursive:
        'with recursive c(x) as (select 1 union all select x + 1 from c) select x as name, x as watch_seconds from c',
      attach: "attach database 'x.db' as x",
    };
    for (const [id, sql] of Object.entries(sqls)) {
      writeReport(world, id, simpleReport(id, { parameters: [], queries: [{ id: 'main', sql }] }));
    }
    const rows = await rescan();
    for (const id of Object.keys(sqls)) {
      const listed = rows.find((candidate) => candidate.id === id);
      expect(listed?.state).withContext(id).toBe('failed');
      expect(listed?.reason).withContext(id).toContain(`报表「${id}」`);
    }
    expect(rows.find((candidate) => candidate.id === 'base')?.reason).toContain('「lives」');
    expect(rows.find((candidate) => candidate.id === 'qualified')?.reason).toContain('main.');
  });

  it('disables a report whose report.json changed until root-admin enables the new content', async () => {
    writeReport(world, 'viewers', simpleReport('viewers'));
    await rescan();
    dataOf(await enable('viewers'));
    expect((await row('viewers')).state).toBe('enabled');
    writeReport(world, 'viewers', simpleReport('viewers', { title: '改过的标题' }));
    const changed = await row('viewers');
    expect(changed.state).toBe('disabled');
    expect(changed.changed).toBe(true);
    expect(changed.enabledHash).not.toBe(changed.hash);
    expect(
      errorOf(
        await world.runtime.router.dispatch(
          'reports.run',
          { id: 'viewers', params: { live: 'live-a1' } },
          world.userA,
        ),
      ).code,
    ).toBe('NOT_FOUND');
    dataOf(await enable('viewers'));
    expect((await row('viewers')).state).toBe('enabled');
    // Remembered across a restart.
    await world.runtime.stop();
    world.runtime = await (
      await import('../../../tests/support/runtime-harness.js')
    ).startRuntime(world.dataDir, {
      pluginDirs: [],
    });
    const rows = dataOf<{ reports: ReportListRow[] }>(
      await world.runtime.router.dispatch('reports.list', {}, world.root),
    ).reports;
    expect(rows.find((candidate) => candidate.id === 'viewers')?.state).toBe('enabled');
  });

  it('lists a report for another engine as failed with the engine check', async () => {
    writeReport(world, 'future', simpleReport('future', { engine: '>=99.0.0' }));
    const listed = await row('future');
    expect(listed.state).toBe('failed');
    expect(listed.engineOk).toBe(false);
    expect(listed.reason).toContain('engine');
    expect(listed.reason).toContain('>=99.0.0');
  });

  it('picks up added and removed folders on a rescan while running', async () => {
    expect((await rescan()).map((candidate) => candidate.id)).toEqual([]);
    writeReport(world, 'late', simpleReport('late'));
    expect((await rescan()).map((candidate) => candidate.id)).toEqual(['late']);
    dataOf(await enable('late'));
    rmSync(join(world.reportsDir, 'late'), { recursive: true });
    expect(await rescan()).toEqual([]);
    expect(
      errorOf(
        await world.runtime.router.dispatch(
          'reports.run',
          { id: 'late', params: { live: 'live-a1' } },
          world.userA,
        ),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('keeps management to root-admin and running to the report’s tier inside a corp', async () => {
    writeReport(world, 'admins', simpleReport('admins', { tier: 'wecom-admin' }));
    await rescan();
    dataOf(await enable('admins'));
    for (const channel of ['reports.list', 'reports.rescan']) {
      expect(errorOf(await world.runtime.router.dispatch(channel, {}, world.adminA)).code).toBe('FORBIDDEN');
    }
    expect(
      errorOf(
        await world.runtime.router.dispatch(
          'reports.setEnabled',
          { id: 'admins', enabled: false },
          world.adminA,
        ),
      ).code,
    ).toBe('FORBIDDEN');
    const params = { id: 'admins', params: { live: 'live-a1' } };
    expect(errorOf(await world.runtime.router.dispatch('reports.run', params, world.userA)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await world.runtime.router.dispatch('reports.run', params, world.root)).code).toBe(
      'FORBIDDEN',
    );
    dataOf(await world.runtime.router.dispatch('reports.run', params, world.adminA));
    expect(
      dataOf<ReportMenuEntry[]>(await world.runtime.router.dispatch('reports.available', {}, world.userA)),
    ).toEqual([]);
  });
});

describe('a plugin.json of kind report', () => {
  it('is listed as failed, pointing to the reports folder', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { startRuntime, tempDataDir } = await import('../../../tests/support/runtime-harness.js');
    const dataDir = tempDataDir('report-kind');
    const plugins = join(dataDir, 'plugins');
    mkdirSync(join(plugins, 'old-report'), { recursive: true });
    writeFileSync(
      join(plugins, 'old-report', 'plugin.json'),
      JSON.stringify({
        id: 'old-report',
        version: '1.0.0',
        engine: '^1.0.0',
        kind: 'report',
        title: '旧报表',
        icon: 'bar_chart',
        order: 50,
        route: 'old-report',
        tiers: ['user'],
        requiresCorp: true,
      }),
    );
    const runtime = await startRuntime(dataDir, { pluginDirs: [plugins] });
    try {
      const rows = dataOf<Array<{ id: string; state: string; reason?: string }>>(
        await runtime.router.dispatch(
          'plugins.list',
          {},
          await (await import('../../../tests/support/runtime-harness.js')).sessionFor(runtime, 'root-admin'),
        ),
      );
      const row = rows.find((candidate) => candidate.id === 'old-report');
      expect(row?.state).toBe('failed');
      expect(row?.reason).toContain('reports 文件夹');
    } finally {
      await runtime.stop();
      removeDir(dataDir);
    }
  });
});

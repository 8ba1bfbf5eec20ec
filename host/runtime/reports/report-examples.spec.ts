import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { ReportExportResult, ReportListRow, ReportRunResult } from '../../../sdk/contracts/reports.js';
import { startReportWorld, type ReportWorld } from '../../../tests/support/report-runtime.js';
import { dataOf, removeDir } from '../../../tests/support/runtime-harness.js';

/** The rows of a result as objects, for readable expectations. */
function objects(result: ReportRunResult, query: string): Array<Record<string, unknown>> {
  const answer = result.results[query];
  if (answer === undefined) throw new Error(`no result ${query}`);
  return answer.rows.map((row) => Object.fromEntries(answer.columns.map((column, i) => [column, row[i]])));
}

describe('example reports on a store with known answers', () => {
  let world: ReportWorld;

  beforeAll(async () => {
    world = await startReportWorld();
    for (const id of ['invite-leaderboard', 'invite-funnel']) {
      const listed = dataOf<{ reports: ReportListRow[] }>(
        await world.runtime.router.dispatch('reports.installExample', { id }, world.root),
      );
      expect(listed.reports.find((row) => row.id === id)?.state)
        .withContext(id)
        .toBe('enabled');
    }
  });
  afterAll(async () => {
    await world.runtime.stop();
    removeDir(world.dataDir);
  });

  const march = { range: { from: '2026-03-01', to: '2026-03-31' }, top: 50 };

  it('installs both examples enabled with one call each', async () => {
    const listed = dataOf<{ examples: Array<{ id: string; installed: boolean }> }>(
      await world.runtime.router.dispatch('reports.list', {}, world.root),
    );
    expect(listed.examples.map((example) => [example.id, example.installed])).toEqual([
      ['invite-funnel', true],
      ['invite-leaderboard', true],
    ]);
  });

  it('ranks the inviters of a date range: viewers brought, time watched, check-ins (self-invites not counted)', async () => {
    const result = dataOf<ReportRunResult>(
      await world.runtime.router.dispatch(
        'reports.run',
        { id: 'invite-leaderboard', params: march },
        world.userA,
      ),
    );
    expect(objects(result, 'leaderboard')).toEqual([
      {
        inviter: '李经理',
        inviter_type: '成员',
        inviter_id: 'inv1',
        invited: 4,
        people: 3,
        lives: 2,
        watch_seconds: 2460,
        avg_watch_seconds: 615,
        checked_in: 2,
        checkin_rate: 0.5,
      },
      {
        inviter: '赵主管',
        inviter_type: '成员',
        inviter_id: 'inv2',
        invited: 1,
        people: 1,
        lives: 1,
        watch_seconds: 3000,
        avg_watch_seconds: 3000,
        checked_in: 1,
        checkin_rate: 1,
      },
      {
        inviter: '外部甲',
        inviter_type: '外部联系人',
        inviter_id: 'ext9',
        invited: 1,
        people: 1,
        lives: 1,
        watch_seconds: 0,
        avg_watch_seconds: 0,
        checked_in: 0,
        checkin_rate: 0,
      },
    ]);
    // Corp B's inviter with the same id sees only corp B's figures.
    const b = dataOf<ReportRunResult>(
      await world.runtime.router.dispatch(
        'reports.run',
        { id: 'invite-leaderboard', params: march },
        world.userB,
      ),
    );
    expect(
      objects(b, 'leaderboard').map((row) => [row['inviter'], row['invited'], row['watch_seconds']]),
    ).toEqual([['乙经理', 2, 9000]]);
  });

  it('offers the caller corp’s lives to a live parameter (the shared picker), newest first', async () => {
    const lives = dataOf<Array<{ livingid: string }>>(
      await world.runtime.router.dispatch('lives.pick', {}, world.userA),
    );
    expect(lives.map((live) => live.livingid)).toEqual(['live-a3', 'live-a2', 'live-a1']);
    const b = dataOf<Array<{ livingid: string }>>(
      await world.runtime.router.dispatch('lives.pick', {}, world.userB),
    );
    expect(b.map((live) => live.livingid)).toEqual(['live-b1']);
  });

  it('shows the invitation funnel of one live per inviter and in total', async () => {
    const result = dataOf<ReportRunResult>(
      await world.runtime.router.dispatch(
        'reports.run',
        { id: 'invite-funnel', params: { live: 'live-a1', min_minutes: 10 } },
        world.userA,
      ),
    );
    expect(
      objects(result, 'by_inviter').map((row) => [
        row['inviter'],
        row['invited'],
        row['watched'],
        row['watched_long'],
        row['checked_in'],
      ]),
    ).toEqual([
      ['李经理', 3, 3, 2, 2],
      ['外部甲', 1, 0, 0, 0],
    ]);
    expect(result.results['stages']?.rows).toEqual([
      ['受邀', 4],
      ['观看', 3],
      ['观看满 10 分钟', 2],
      ['签到', 2],
    ]);
    // Another corp's livingid answers nothing.
    const other = dataOf<ReportRunResult>(
      await world.runtime.router.dispatch(
        'reports.run',
        { id: 'invite-funnel', params: { live: 'live-b1' } },
        world.userA,
      ),
    );
    expect(other.results['by_inviter']?.rows).toEqual([]);
  });

  it('exports the leaderboard as a workbook with its data sheets, parameters and the analysis sheet', async () => {
    const exported = dataOf<ReportExportResult>(
      await world.runtime.router.dispatch(
        'reports.export',
        { id: 'invite-leaderboard', params: march },
        world.userA,
      ),
    );
    expect(exported.name).toMatch(/^邀请排行榜-.*\.xlsx$/);
    const file = await world.runtime.files.get(exported.fileId, await callOf(world));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file.path) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['邀请排行', '直播', '分析']);
    const ranking = workbook.getWorksheet('邀请排行');
    if (ranking === undefined) throw new Error('no sheet');
    const texts: string[] = [];
    let header = 0;
    ranking.eachRow((row, rowNumber) => {
      texts.push(String(row.getCell(1).value));
      if (row.getCell(1).value === '邀请人') header = rowNumber;
    });
    expect(texts[0]).toBe('邀请排行榜');
    expect(texts).toContain('直播开始日期：2026-03-01 至 2026-03-31');
    expect(header).toBeGreaterThan(0);
    const first = ranking.getRow(header + 1);
    expect(first.getCell(1).value).toBe('李经理');
    expect(first.getCell(3).value).toBe(4);
    // Durations are Excel durations (days), shown as [h]:mm:ss; exceljs reads them back as dates of 1899-12-30.
    const duration = first.getCell(6).value as Date;
    expect((duration.getTime() - Date.UTC(1899, 11, 30)) / 1000).toBeCloseTo(2460, 3);
    expect(first.getCell(6).numFmt).toBe('[h]:mm:ss');
    expect(first.getCell(9).value).toBe(0.5);
    expect(ranking.getRow(header + 3).getCell(1).value).toBe('外部甲');
    const lives = workbook.getWorksheet('直播');
    expect(lives?.getRow(2).getCell(1).value).toBe('三月第一场');
    expect(lives?.getRow(2).getCell(3).value).toEqual(new Date(Date.UTC(2026, 2, 2, 10, 0, 0)));
    const analysis = workbook.getWorksheet('分析');
    if (analysis === undefined) throw new Error('no analysis sheet');
    expect(analysis.getCell(1, 1).value).toBe('邀请人次与签到人次');
    // The chart as a PNG (sdk/main/charts) beside its figures, which start in column L.
    const images = analysis.getImages();
    expect(images.length).toBe(1);
    const media = workbook.model.media as unknown as Array<{ extension: string; buffer: Uint8Array }>;
    expect(media.length).toBe(1);
    expect(media[0]?.extension).toBe('png');
    expect(
      Buffer.from(media[0]?.buffer ?? [])
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    expect(images[0]?.range.tl.nativeRow).toBe(1);
    expect(images[0]?.range.tl.nativeCol).toBe(0);
    expect(analysis.getCell(2, 12).value).toBe('邀请人');
    expect(analysis.getCell(3, 12).value).toBe('李经理');
    expect(analysis.getCell(3, 13).value).toBe(4);
    expect(analysis.getCell(3, 14).value).toBe(2);
    expect(analysis.getCell(2, 15).value).toBeNull();
  });
});

/** The CallContext of corp A's user, as FileStore.get checks ownership. */
async function callOf(world: ReportWorld) {
  return world.runtime.sessions.resolve(world.userA);
}

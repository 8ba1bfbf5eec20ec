// The check-in import at the size and mess of a real big live, end to end through the channels: the
// simulator's 3,000-viewer live synced into the store, its console export generated on the fly (10 rounds
// × 5,000 rows, names repeated dozens of times, case and width variants, people who are no viewer, a 说明
// and a 汇总 sheet, rounds out of tab order, one round whose 已签到人数 differs), then upload, preview,
// import, the detail page and its export, and a re-import.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import type { CheckinRoundSummary, PageOf, UnmatchedCheckin } from '../../../sdk/contracts/lives.js';
import type { RpcResult } from '../../../sdk/contracts/rpc.js';
import { syncLive, uploadFile } from '../../../tests/fixtures/checkin/runtime-helpers.js';
import {
  dataOf,
  removeDir,
  sessionFor,
  startRuntime,
  tempDataDir,
  waitFor,
  loginSimCorp,
} from '../../../tests/support/runtime-harness.js';
import type { CheckinExportFacts } from '../../../tests/wecom-sim/checkin-export.js';
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
import { startSimulator, type RunningSimulator } from '../../../tests/wecom-sim/server.js';
import type { CheckinImportResult } from '../shared/checkin-api.js';

type Runtime = Awaited<ReturnType<typeof startRuntime>>;

/** The part of live-detail's answers this spec reads (a plugin may not import another's types). */
interface DetailAnswer {
  rounds: CheckinRoundSummary[];
  unmatchedCheckins: number;
}
interface ExportResult {
  fileId: string;
}

const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USER = 'big-importer';
const ROUNDS = 10;
const ROWS = 5000;

describe('checkin-import at real scale (10 × 5,000 rows, 3,000 viewers)', () => {
  let sim: RunningSimulator;
  let dataDir: string;
  let runtime: Runtime;
  let corpId: string;
  let session: string;
  let livingid: string;
  let facts: CheckinExportFacts;
  let workbookPath: string;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 42, viewers: 3000 });
    dataDir = tempDataDir('checkin-scale');
    runtime = await startRuntime(dataDir, { pluginDirs: [BUILT_PLUGINS], wecomBaseUrl: sim.url });
    corpId = await loginSimCorp(runtime, sim, '模拟科技');
    session = await sessionFor(runtime, 'user', USER, corpId);
    livingid = (await new SimClient(sim).data()).specials.bigLivingid;
    await syncLive(runtime, corpId, livingid);
    const answer = await fetch(`${sim.url}/__sim/checkin-export/${livingid}?rounds=${ROUNDS}&rows=${ROWS}`);
    facts = JSON.parse(decodeURIComponent(answer.headers.get('x-sim-facts') ?? '')) as CheckinExportFacts;
    workbookPath = join(dataDir, 'big-checkin.xlsx');
    writeFileSync(workbookPath, Buffer.from(await answer.arrayBuffer()));
  }, 60_000);

  afterAll(async () => {
    await runtime.stop();
    removeDir(dataDir);
    await sim.close();
  });

  const call = (channel: string, body: unknown): Promise<RpcResult> =>
    runtime.router.dispatch(channel, body, session);

  async function finished(result: RpcResult): Promise<JobSnapshot> {
    const { jobId } = dataOf<{ jobId: string }>(result);
    return waitFor(async () => {
      const job = dataOf<JobSnapshot>(await call('jobs.get', { jobId }));
      return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    }, 60_000);
  }

  const upload = (): Promise<string> =>
    uploadFile(runtime, workbookPath, '直播签到导出.xlsx', { userid: USER, corpId });

  async function recordCount(): Promise<number> {
    const row = (await runtime.db('live_checkin_records').count({ n: '*' }).first()) as { n: number };
    return Number(row.n);
  }

  it('previews, imports, shows and exports every row, and re-imports to the same data', async () => {
    const preview = await finished(
      await call('checkin-import.preview', { livingid, fileId: await upload() }),
    );
    expect(preview.state).withContext(JSON.stringify(preview.error)).toBe('done');
    const previewed = preview.result as CheckinImportResult;
    expect(previewed.skippedSheets.map((sheet) => sheet.sheet)).toEqual(facts.skippedSheets);
    expect(
      previewed.rounds.map((round) => [round.roundNo, round.sheet, round.rowsFound, round.statedCount]),
    ).toEqual(facts.rounds.map((round) => [round.roundNo, round.sheet, round.rows, round.stated]));
    // Tabs were shuffled: rounds still come in number order, and the preview says so.
    expect(previewed.notices).toContain('工作表的排列顺序与签到轮次不一致：已按轮次（第一次、第二次……）排序');
    expect(
      previewed.rounds[1]?.warnings.some((warning) => warning.includes('「已签到人数」为 5003')),
    ).toBeTrue();
    expect(previewed.rounds.every((round) => round.repeatedNames > 100)).toBeTrue();
    const rows = ROUNDS * ROWS;
    expect(previewed.matched + previewed.ambiguous + previewed.unmatched).toBe(rows);
    // Real names collide: thousands fit one viewer, thousands several, and the strangers fit nobody.
    expect(previewed.matched).toBeGreaterThan(rows / 10);
    expect(previewed.ambiguous).toBeGreaterThan(rows / 10);
    expect(previewed.unmatched).toBeGreaterThan(0);
    expect(await recordCount()).toBe(0);

    const imported = await finished(
      await call('checkin-import.import', { livingid, fileId: await upload() }),
    );
    expect(imported.state).withContext(JSON.stringify(imported.error)).toBe('done');
    const result = imported.result as CheckinImportResult;
    expect([result.matched, result.ambiguous, result.unmatched]).toEqual([
      previewed.matched,
      previewed.ambiguous,
      previewed.unmatched,
    ]);
    expect(await recordCount()).toBe(rows);

    const detail = dataOf<DetailAnswer>(await call('live-detail.get', { livingid, page: 1, pageSize: 20 }));
    expect(detail.rounds.map((round) => [round.roundNo, round.records, round.reportedCount])).toEqual(
      facts.rounds.map((round) => [round.roundNo, round.rows, round.stated]),
    );
    expect(detail.rounds.reduce((sum, round) => sum + round.matched, 0)).toBe(result.matched);
    const kept = result.ambiguous + result.unmatched;
    expect(detail.unmatchedCheckins).toBe(kept);
    const page = dataOf<PageOf<UnmatchedCheckin>>(
      await call('live-detail.unmatched', { livingid, page: 2, pageSize: 50 }),
    );
    expect(page.total).toBe(kept);
    expect(page.rows.length).toBe(50);
    const label = page.rows[0]?.memberLabel ?? '';
    const searched = dataOf<DetailAnswer>(
      await call('live-detail.get', { livingid, keyword: label.trim().slice(0, 3), page: 1, pageSize: 20 }),
    );
    expect(searched.unmatchedCheckins).toBeGreaterThan(0);
    expect(searched.unmatchedCheckins).toBeLessThan(kept);

    const exported = await finished(await call('live-detail.export', { livingid }));
    expect(exported.state).withContext(JSON.stringify(exported.error)).toBe('done');
    const file = exported.result as ExportResult;
    const stored = await runtime.files.get(file.fileId, await runtime.sessions.resolve(session));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(stored.path);
    // 观众明细 went to the export's worker in pages (2,000 viewers each): every viewer once, in the detail
    // page's order, with the page's check-in counts, the figures above counted over the whole live.
    const listed: Array<{ viewerId: string; checkins: number }> = [];
    for (let pageNo = 1; listed.length < 3000; pageNo += 1) {
      const answer = dataOf<{ viewers: { rows: Array<{ viewerId: string; checkins: unknown[] }> } }>(
        await call('live-detail.get', { livingid, page: pageNo, pageSize: 500 }),
      );
      if (answer.viewers.rows.length === 0) break;
      listed.push(
        ...answer.viewers.rows.map((row) => ({ viewerId: row.viewerId, checkins: row.checkins.length })),
      );
    }
    const sheet = workbook.getWorksheet('观众明细');
    let headerRow = 1;
    while (headerRow < 20 && sheet?.getRow(headerRow).getCell(1).value !== '观众') headerRow += 1;
    const sheetRows: Array<{ viewerId: string; checkins: number }> = [];
    for (let rowNo = headerRow + 1; rowNo <= (sheet?.rowCount ?? 0); rowNo += 1) {
      const row = sheet?.getRow(rowNo);
      sheetRows.push({ viewerId: String(row?.getCell(2).value), checkins: Number(row?.getCell(6).value) });
    }
    expect(sheetRows.length).toBe(3000);
    expect(sheetRows).toEqual(listed);
    const above = new Map<unknown, unknown>();
    for (let rowNo = 2; rowNo < headerRow; rowNo += 1) {
      const values = sheet?.getRow(rowNo).values as unknown[];
      for (let cell = 1; cell + 1 < values.length; cell += 2) above.set(values[cell], values[cell + 1]);
    }
    expect(above.get('观众人数')).toBe(3000);
    expect(above.get('签到人数')).toBe(listed.filter((viewer) => viewer.checkins > 0).length);
    expect(workbook.getWorksheet('未匹配签到')?.rowCount).toBe(kept + 1);
    expect(workbook.getWorksheet('签到轮次')?.rowCount).toBe(ROUNDS + 1);
    expect(workbook.getWorksheet('签到轮次')?.getRow(3).values).toEqual(
      jasmine.arrayContaining([2, '第二次签到', 5003, 5000]),
    );

    const before = (await runtime
      .db('live_checkin_records')
      .orderBy('id')
      .select('row_no', 'member_label', 'match_state', 'viewer_id')) as unknown[];
    const again = await finished(await call('checkin-import.import', { livingid, fileId: await upload() }));
    expect(again.state).toBe('done');
    const after = (await runtime
      .db('live_checkin_records')
      .orderBy('id')
      .select('row_no', 'member_label', 'match_state', 'viewer_id')) as unknown[];
    expect(after).toEqual(before);
  }, 180_000);
});

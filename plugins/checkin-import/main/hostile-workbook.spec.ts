// Hostile workbooks (docs/threat-model.md): generated here, small on disk, each refused with the limit
// it breaks and the file's figure, before it costs the memory or minutes it asks for. The last case goes
// through the product: upload, preview job, IMPORT_INVALID, and the host keeps answering.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobSnapshot } from '../../../sdk/contracts/jobs.js';
import { workbookLimits } from '../../../sdk/main/xlsx/workbook-limits.js';
import { sheetPart, writeOneSheetWorkbook } from '../../../tests/fixtures/checkin/hostile-xlsx.js';
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
import { SimClient } from '../../../tests/wecom-sim/spec-client.js';
import { startSimulator, type RunningSimulator } from '../../../tests/wecom-sim/server.js';
import type { WorkbookIssue } from '../shared/checkin-api.js';
import { parseCheckinWorkbook } from './workbook-parser.js';

const MB = 1024 * 1024;
const BUILT_PLUGINS = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('hostile check-in workbooks', () => {
  let dir: string;
  // 256 MB of blanks inside <sheetData>: deflates to a few hundred KB.
  let bomb: Awaited<ReturnType<typeof sheetPart>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-xlsx-'));
    bomb = await sheetPart(' ', 256 * MB, false);
  });

  afterAll(() => removeDir(dir));

  async function refusal(
    name: string,
    sheet: Awaited<ReturnType<typeof sheetPart>>,
    limits = workbookLimits(),
  ): Promise<{ issues: WorkbookIssue[]; fileSize: number }> {
    const path = join(dir, name);
    const fileSize = await writeOneSheetWorkbook(path, sheet);
    const parsed = await parseCheckinWorkbook(path, name, undefined, limits);
    return { issues: parsed.issues, fileSize };
  }

  it('refuses a cell bomb (one row of 16 million tiny cells) from the zip directory, without inflating it', async () => {
    const cells = await sheetPart('<c><v>1</v></c>', 16_000_000, true);
    const { issues, fileSize } = await refusal('cell-bomb.xlsx', cells);
    expect(fileSize).toBeLessThan(2 * MB);
    expect(issues.length).toBe(1);
    expect(issues[0]?.sheet).toBeNull();
    expect(issues[0]?.message).toMatch(
      /^文件「cell-bomb\.xlsx」无法导入：工作簿中的「xl\/worksheets\/sheet1\.xml」解压后有 229 MB，超过单个部件的上限 100 MB$/,
    );
  });

  it('stops reading a row at the column limit, even when the zip limits would let the file through', async () => {
    const loose = workbookLimits({
      zip: { maxRatio: 1_000_000, maxEntryBytes: 1024 * MB, maxTotalBytes: 1024 * MB },
    });
    const cells = await sheetPart('<c><v>1</v></c>', 2_000_000, true);
    const { issues } = await refusal('wide-row.xlsx', cells, loose);
    expect(issues.map((found) => found.message)).toEqual([
      '文件「wide-row.xlsx」无法导入：工作表「第一次签到」第 1 行有第 201 列，超过每表 200 列的上限',
    ]);
    const far = await sheetPart('<c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c>', 1, true);
    expect((await refusal('far-column.xlsx', far)).issues[0]?.message).toContain(
      '第 1 行有第 16,384 列，超过每表 200 列的上限',
    );
  });

  it('stops at the row and cell limits', async () => {
    const farRow = await sheetPart('<row r="250000"><c r="A250000"><v>1</v></c></row>', 1, false);
    expect((await refusal('far-row.xlsx', farRow)).issues[0]?.message).toContain(
      '工作表「第一次签到」有第 250,000 行，超过每表 200,000 行的上限',
    );
    const rows = await sheetPart(`<row>${'<c><v>7</v></c>'.repeat(60)}</row>`, 20, false);
    const few = workbookLimits({ sheet: { maxCells: 1000 } });
    expect((await refusal('many-cells.xlsx', rows, few)).issues[0]?.message).toContain(
      '工作表「第一次签到」的单元格超过 1,000 个的上限（读到第 17 行时）',
    );
  });

  it('refuses a zip bomb with honest headers from its declared size and its ratio', async () => {
    const { issues, fileSize } = await refusal('bomb.xlsx', bomb);
    expect(fileSize).toBeLessThan(2 * MB);
    expect(issues[0]?.message).toContain(
      '「xl/worksheets/sheet1.xml」解压后有 256 MB，超过单个部件的上限 100 MB',
    );
    const smaller = await sheetPart(' ', 50 * MB, false);
    expect((await refusal('ratio.xlsx', smaller)).issues[0]?.message).toMatch(
      /「xl\/worksheets\/sheet1\.xml」压缩比为 \d+:1（\d+ KB 解压为 50\.0 MB），超过上限 200:1，疑似压缩炸弹$/,
    );
  });

  it('stops inflating a zip bomb whose headers lie, at the size they declared', async () => {
    const lying = { ...bomb, declaredSize: 64 * 1024 };
    const { issues } = await refusal('lying-bomb.xlsx', lying);
    expect(issues.map((found) => [found.sheet, found.message])).toEqual([
      [
        null,
        '文件「lying-bomb.xlsx」无法导入：工作簿中的「xl/worksheets/sheet1.xml」实际解压超过其声明的 64 KB：' +
          '文件头与内容不符（已损坏或被篡改），已停止读取',
      ],
    ]);
  });

  describe('through the preview job', () => {
    let sim: RunningSimulator;
    let runtime: Awaited<ReturnType<typeof startRuntime>>;
    let dataDir: string;

    beforeAll(async () => {
      sim = await startSimulator({ port: 0, seed: 7, lives: 2, viewers: 10, members: 4 });
      dataDir = tempDataDir('hostile-import');
      runtime = await startRuntime(dataDir, { pluginDirs: [BUILT_PLUGINS], wecomBaseUrl: sim.url });
    });

    afterAll(async () => {
      await runtime.stop();
      removeDir(dataDir);
      await sim.close();
    });

    it('fails with IMPORT_INVALID naming the limit, and the host answers meanwhile and after', async () => {
      const corpId = await loginSimCorp(runtime, sim);
      const session = await sessionFor(runtime, 'user', 'plain-member', corpId);
      const livingid = (await new SimClient(sim).data()).specials.promotionLivingid;
      await syncLive(runtime, corpId, livingid);
      const path = join(dir, 'upload-bomb.xlsx');
      await writeOneSheetWorkbook(path, { ...bomb, declaredSize: 64 * 1024 });
      expect(statSync(path).size).toBeLessThan(2 * MB);
      const fileId = await uploadFile(runtime, path, '签到表.xlsx', { userid: 'plain-member', corpId });
      for (const channel of ['preview', 'import']) {
        const started = await runtime.router.dispatch(
          `checkin-import.${channel}`,
          { livingid, fileId },
          session,
        );
        const { jobId } = dataOf<{ jobId: string }>(started);
        const job = await waitFor(async () => {
          const status = await runtime.router.dispatch('host.status', {}, session);
          expect(status.ok).toBeTrue();
          const found = dataOf<JobSnapshot>(await runtime.router.dispatch('jobs.get', { jobId }, session));
          return ['done', 'failed', 'cancelled'].includes(found.state) ? found : undefined;
        }, 60_000);
        expect(job.state).toBe('failed');
        expect(job.error?.code).toBe('IMPORT_INVALID');
        expect(job.error?.message).toContain('实际解压超过其声明的 64 KB');
        const issues = job.error?.details?.['issues'] as WorkbookIssue[];
        expect(issues.map((found) => found.sheet)).toEqual([null]);
      }
      expect(await runtime.db('live_checkin_rounds').count({ n: '*' })).toEqual([{ n: 0 }]);
    });
  });
});

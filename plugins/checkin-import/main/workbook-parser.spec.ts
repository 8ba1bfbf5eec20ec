// The check-in workbook parser over real .xlsx files written by the fixture generator.
import { join } from 'node:path';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import {
  writeCheckinFixtures,
  writeWorkbook,
  VALID_ROUNDS,
  VALID_ROUND_STARTS,
  type FixtureName,
} from '../../../tests/fixtures/checkin/checkin-workbooks.js';
import { unixSecondsIn } from './checkin-time.js';
import { chineseOrdinal, roundNumberOf } from './round-title.js';
import { describeIssue } from './workbook-issues.js';
import { parseCheckinWorkbook } from './workbook-parser.js';

describe('check-in workbook parser', () => {
  let dir: string;
  let files: Record<FixtureName, string>;

  beforeAll(async () => {
    dir = tempDataDir('checkin-parser');
    files = await writeCheckinFixtures(join(dir, 'fixtures'));
  });

  afterAll(() => removeDir(dir));

  const parse = (name: FixtureName) => parseCheckinWorkbook(files[name], files[name].split('/').pop() ?? '');
  const messages = async (name: FixtureName): Promise<string[]> =>
    (await parse(name)).issues.map(describeIssue);

  it('reads every round of the valid workbook, whatever the layout details', async () => {
    const progress: string[] = [];
    const parsed = await parseCheckinWorkbook(files.valid, '签到.xlsx', (done, total, sheet) =>
      progress.push(`${done}/${total} ${sheet}`),
    );
    expect(parsed.issues).toEqual([]);
    expect(progress).toEqual(['1/3 第一次签到', '2/3 第二次签到', '3/3 第三次签到']);
    expect(
      parsed.rounds.map((round) => [round.roundNo, round.sheet, round.startedText, round.statedCount]),
    ).toEqual([
      [1, '第一次签到', '2025-03-13 12:17', 2],
      [2, '第二次签到', '2025-03-13 12:47', 4],
      [3, '第三次签到', '2025-03-13 13:05', 3],
    ]);
    expect(parsed.rounds.map((round) => unixSecondsIn(round.startedAt, 'Asia/Shanghai'))).toEqual(
      VALID_ROUND_STARTS,
    );
    const [first, second, third] = parsed.rounds;
    expect(first?.members.map((m) => [m.row, m.raw, m.name, m.suffix, m.origin, m.department])).toEqual([
      [7, '黍离。@微信', '黍离。', '微信', 'wechat', ''],
      [8, '万强@微信', '万强', '微信', 'wechat', ''],
    ]);
    // Blocks starting at B3: rows as Excel numbers them.
    expect(second?.members.map((m) => [m.row, m.name, m.suffix, m.origin, m.department])).toEqual([
      [9, '黍离。', '微信', 'wechat', ''],
      [10, '晴天', '微信', 'wechat', ''],
      [11, '老客户A', '远方科技', 'corp', '采购部'],
      [12, '路人甲', '微信', 'wechat', ''],
    ]);
    expect(third?.members.map((m) => [m.name, m.suffix])).toEqual([
      ['万强', '微信'],
      ['黍离。', '微信'],
      ['自来水', '微信'],
    ]);
  });

  it('refuses a sheet without 签到明细, naming the sheet and the row where it was expected', async () => {
    expect(await messages('missing-details')).toEqual([
      '工作表「第二次签到」第 7 行：缺少「签到明细」区块：应在「签到统计」之后（约第 7 行）有一行写着「签到明细」，' +
        '其下是「已签到成员」「所在部门」表头和成员行',
    ]);
  });

  it('refuses an unreadable 签到发起时间, naming the sheet and row', async () => {
    expect(await messages('bad-time')).toEqual([
      '工作表「第三次签到」第 3 行：签到发起时间「2025.13.45 25:61」无法识别，应为 2025.3.13 12:17 这样的日期和时间',
    ]);
  });

  it('keeps a 已签到人数 that disagrees with the rows: both figures, every row', async () => {
    const parsed = await parse('count-mismatch');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rounds[0]?.statedCount).toBe(3);
    expect(parsed.rounds[0]?.members.length).toBe(2);
  });

  it('takes a renamed sheet that holds both blocks as a round, numbered by its time', async () => {
    const parsed = await parse('renamed-sheet');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rounds.map((round) => [round.roundNo, round.sheet])).toEqual([
      [1, '第一次签到'],
      [2, '第二次签到'],
      [3, '签到3'],
    ]);
    expect(parsed.notices).toEqual(['工作表「签到3」的名称不是「第N次签到」，按签到发起时间记为第 3 次签到']);
  });

  it('keeps the same name twice in one round: every row is its own check-in', async () => {
    const parsed = await parse('repeated-names');
    expect(parsed.issues).toEqual([]);
    const first = parsed.rounds[0];
    expect(first?.members.map((m) => [m.row, m.raw])).toEqual([
      [7, '黍离。@微信'],
      [8, '晴天@微信'],
      [9, '黍离。@微信'],
      [10, '晴天@微信'],
    ]);
    expect(first?.repeatedNames).toBe(4);
  });

  it('skips sheets that are no round, naming them, and orders rounds by number not by tab', async () => {
    const progress: string[] = [];
    const parsed = await parseCheckinWorkbook(files['extra-sheets'], 'x.xlsx', (done, total, sheet) =>
      progress.push(`${done}/${total} ${sheet}`),
    );
    expect(parsed.issues).toEqual([]);
    expect(progress).toEqual(['1/5 说明', '2/5 第三次签到', '3/5 第一次签到', '4/5 第二次签到', '5/5 汇总']);
    expect(parsed.rounds.map((round) => [round.roundNo, round.sheet, round.sheetIndex])).toEqual([
      [1, '第一次签到', 3],
      [2, '第二次签到', 4],
      [3, '第三次签到', 2],
    ]);
    expect(parsed.skippedSheets.map((skipped) => skipped.sheet)).toEqual(['说明', '汇总']);
    expect(parsed.skippedSheets[0]?.reason).toContain('不是签到轮次');
    expect(parsed.notices).toEqual(['工作表的排列顺序与签到轮次不一致：已按轮次（第一次、第二次……）排序']);
  });

  it('refuses a workbook without any round, naming its sheets', async () => {
    expect(await messages('no-rounds')).toEqual([
      '工作簿中没有签到轮次：工作表「说明」「Sheet1」都不是「第一次签到」「第二次签到」……这样的签到表',
    ]);
  });

  it('reads what other writers store: inline and rich strings, 1904 dates, a bare serial, protection', async () => {
    const parsed = await parse('other-writer');
    expect(parsed.issues).toEqual([]);
    expect(
      parsed.rounds.map((round) => [round.roundNo, round.sheet, round.startedText, round.statedCount]),
    ).toEqual([
      [1, '第一次签到', '2025-03-13 12:17', 1],
      [2, '第二次签到', '2025-03-13 12:47', 2],
    ]);
    expect(parsed.rounds[1]?.members.map((m) => [m.raw, m.name])).toEqual([
      ['黍离。@微信', '黍离。'],
      ['万\u00a0强@微信', '万 强'],
    ]);
    expect(parsed.rounds[0]?.members.map((m) => [m.raw, m.name, m.origin])).toEqual([
      ['ＬＩＬＹ@微信', 'ＬＩＬＹ', 'wechat'],
    ]);
  });

  it('keeps a label as written in raw: outer and inner spaces, U+00A0', async () => {
    const path = join(dir, 'spaces.xlsx');
    await writeWorkbook(path, [
      {
        ...VALID_ROUNDS[0]!,
        members: [
          ['  黍\u00a0离。@微信 ', '-'],
          ['万 强@微信', '-'],
        ],
      },
    ]);
    const parsed = await parseCheckinWorkbook(path, 'spaces.xlsx');
    expect(parsed.rounds[0]?.members.map((m) => [m.raw, m.name])).toEqual([
      ['  黍\u00a0离。@微信 ', '黍 离。'],
      ['万 强@微信', '万 强'],
    ]);
  });

  it('refuses a file that is not a workbook, by content and by name', async () => {
    expect(await messages('not-a-workbook')).toEqual([
      '文件「签到-不是工作簿.xlsx」不是 Excel 工作簿（.xlsx）：内容无法识别',
    ]);
    const asCsv = await parseCheckinWorkbook(files.valid, '签到.csv');
    expect(asCsv.issues.map(describeIssue)).toEqual(['文件「签到.csv」不是 Excel 工作簿（.xlsx）']);
    const asXls = await parseCheckinWorkbook(files.valid, '签到.xls');
    expect(asXls.issues[0]?.message).toContain('另存为 .xlsx');
  });

  it('collects every problem of every sheet at once', async () => {
    const path = join(dir, 'many.xlsx');
    await writeWorkbook(path, [
      { ...VALID_ROUNDS[0]!, count: 'two' },
      { ...VALID_ROUNDS[1]!, sheet: '第一次签到 ' },
      { ...VALID_ROUNDS[2]!, members: [['', '销售部']], count: 1 },
    ]);
    const parsed = await parseCheckinWorkbook(path, 'many.xlsx');
    expect(parsed.issues.map(describeIssue)).toEqual([
      '工作表「第一次签到」第 3 行：已签到人数「two」不是整数',
      '工作表「第一次签到 」：与工作表「第一次签到」是同一轮签到（第 1 次）：请删除或改名其中一个',
      '工作表「第三次签到」第 7 行：「已签到成员」为空，但这一行还有其他内容：请补上成员或删除这一行',
    ]);
  });

  it('reads Chinese ordinals', () => {
    expect(['一', '二', '九', '十', '十一', '二十', '二十三', '九十九', '两'].map(chineseOrdinal)).toEqual([
      1, 2, 9, 10, 11, 20, 23, 99, 2,
    ]);
    expect(['', '零', '十十', '一二', 'abc', '0'].map(chineseOrdinal)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(['第一次签到', '第 12 次签到', '第十二次签到', '第一次', 'Sheet1'].map(roundNumberOf)).toEqual([
      1,
      12,
      12,
      null,
      null,
    ]);
  });
});

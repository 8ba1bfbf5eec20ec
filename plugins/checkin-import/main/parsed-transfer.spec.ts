// The parse worker's transfer format: the outline (the task's answer) joined with each round's rows (sent
// with their sheet's progress) after the copy between threads is exactly the parsed workbook, every member
// row and field (nulls and empty strings included).
import { join } from 'node:path';
import { writeCheckinFixtures } from '../../../tests/fixtures/checkin/checkin-workbooks.js';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { joinWorkbook, outlineOf, packMembers, unpackMembers, type SheetMembers } from './parsed-transfer.js';
import type { ParsedMember } from './round-sheet-parser.js';
import { parseCheckinWorkbook, type ParsedWorkbook } from './workbook-parser.js';

describe('check-in parse transfer format', () => {
  let dir: string;

  beforeAll(() => (dir = tempDataDir('checkin-transfer')));
  afterAll(() => removeDir(dir));

  /** What the main thread puts together from the copies of what the worker sent. */
  const throughAThread = (parsed: ParsedWorkbook, sent: readonly SheetMembers[]): ParsedWorkbook => {
    const rows = new Map<number, ParsedMember[]>();
    for (const sheet of structuredClone(sent)) rows.set(sheet.sheetIndex, unpackMembers(sheet.members));
    return joinWorkbook(structuredClone(outlineOf(parsed)), rows);
  };

  it('gives back every round and member row of a real workbook as parsed', async () => {
    const files = await writeCheckinFixtures(join(dir, 'fixtures'));
    for (const name of [
      'valid',
      'repeated-names',
      'count-mismatch',
      'extra-sheets',
      'other-writer',
    ] as const) {
      // As the worker sends them: each round's rows with its sheet's progress.
      const sent: SheetMembers[] = [];
      const parsed = await parseCheckinWorkbook(
        files[name],
        `${name}.xlsx`,
        (_done, _total, _sheet, round) => {
          if (round !== undefined) sent.push(packMembers(round.sheetIndex, round.members));
        },
      );
      if (name === 'valid') expect(parsed.rounds.length).toBeGreaterThan(1);
      expect(sent.length).withContext(name).toBe(parsed.rounds.length);
      expect(throughAThread(parsed, sent)).withContext(name).toEqual(parsed);
    }
  });

  it('keeps nulls, empty strings, each origin and high row numbers', () => {
    const parsed: ParsedWorkbook = {
      rounds: [
        {
          roundNo: 1,
          sheet: '第一次签到',
          sheetIndex: 1,
          startedAt: { year: 2025, month: 3, day: 13, hour: 12, minute: 17, second: 0 },
          startedText: '2025-03-13 12:17:00',
          statedCount: 3,
          repeatedNames: 0,
          members: [
            { raw: ' 张三 ', name: '张三', suffix: null, origin: 'none', row: 4, department: '' },
            {
              raw: '黍离。@微信',
              name: '黍离。',
              suffix: '微信',
              origin: 'wechat',
              row: 5,
              department: '销售部',
            },
            {
              raw: '李四@某公司',
              name: '李四',
              suffix: '某公司',
              origin: 'corp',
              row: 1_048_576,
              department: '—',
            },
          ],
        },
        {
          roundNo: 2,
          sheet: '第二次签到',
          sheetIndex: 2,
          startedAt: { year: 2025, month: 3, day: 13, hour: 13, minute: 0, second: 0 },
          startedText: '2025-03-13 13:00:00',
          statedCount: 0,
          repeatedNames: 0,
          members: [],
        },
      ],
      skippedSheets: [{ sheet: '说明', reason: '不是签到表' }],
      notices: ['一条提示'],
      issues: [],
    };
    const sent = parsed.rounds.map((round) => packMembers(round.sheetIndex, round.members));
    expect(throughAThread(parsed, sent)).toEqual(parsed);
    // A round whose rows never came is a bug, never an empty round.
    expect(() => joinWorkbook(outlineOf(parsed), new Map())).toThrowError(/never came/);
  });
});

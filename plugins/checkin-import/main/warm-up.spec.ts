// The workbook a prepared parse worker reads before the user's file: a real check-in export of the
// simulator's, read like any other (its rounds whole, its extra sheets skipped, no problem found).
import { fileURLToPath } from 'node:url';
import { parseCheckinWorkbook } from './workbook-parser.js';
import { WARM_UP_WORKBOOK, warmUp } from './workbook-worker.js';

describe('the parse worker’s warm-up workbook', () => {
  it('is a check-in workbook of four rounds of 3,000 rows, with two sheets that are no rounds', async () => {
    const parsed = await parseCheckinWorkbook(fileURLToPath(WARM_UP_WORKBOOK), 'warm-up.xlsx');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rounds.map((round) => [round.roundNo, round.members.length])).toEqual([
      [1, 3000],
      [2, 3000],
      [3, 3000],
      [4, 3000],
    ]);
    expect(parsed.skippedSheets.map((sheet) => sheet.sheet)).toEqual(['说明', '汇总']);
    await expectAsync(warmUp()).toBeResolved();
  });
});

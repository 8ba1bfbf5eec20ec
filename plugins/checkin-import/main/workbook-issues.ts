// Problems found in a check-in workbook, each naming its sheet and row (R6.3), and the one error that
// carries them all: nothing is imported while any is left.
import { AppError } from '../../../sdk/contracts/errors.js';
import type { WorkbookIssue } from '../shared/checkin-api.js';

export function issue(sheet: string | null, row: number | null, message: string): WorkbookIssue {
  return { sheet, row, message };
}

/** `工作表「第一次签到」第 5 行：…`, as the page and the error message show it. */
export function describeIssue(found: WorkbookIssue): string {
  const where = [
    found.sheet === null ? '' : `工作表「${found.sheet}」`,
    found.row === null ? '' : `第 ${found.row} 行`,
  ].join('');
  return where === '' ? found.message : `${where}：${found.message}`;
}

/** IMPORT_INVALID with every issue in the details; the message names the first. */
export function invalidWorkbook(issues: readonly WorkbookIssue[]): AppError {
  const first = describeIssue(issues[0] ?? issue(null, null, '工作簿无法导入'));
  const more = issues.length > 1 ? `（共 ${issues.length} 个问题）` : '';
  return new AppError('IMPORT_INVALID', `签到表无法导入：${first}${more}`, {
    issues: issues.map((found) => ({ ...found, text: describeIssue(found) })),
  });
}

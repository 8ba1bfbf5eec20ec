// A check-in workbook (R6.1): one sheet per round, named 第一次签到, 第二次签到, … Every sheet is read
// in workbook order; every problem is collected (R6.3) so the user fixes the file once.
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { WorkbookIssue } from '../shared/checkin-api.js';
import { parseRoundSheet, type ParsedRound } from './round-sheet-parser.js';
import { roundNumberOf } from './round-title.js';
import { issue } from './workbook-issues.js';

export interface ParsedWorkbook {
  rounds: ParsedRound[];
  issues: WorkbookIssue[];
}

/** Called after each sheet: (sheets done, sheets in all, the sheet's name). */
export type SheetProgress = (done: number, total: number, sheet: string) => void;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function parseCheckinWorkbook(
  path: string,
  fileName: string,
  onSheet: SheetProgress = () => undefined,
): Promise<ParsedWorkbook> {
  const notWorkbook = await notAnXlsx(path, fileName);
  if (notWorkbook !== null) return { rounds: [], issues: [issue(null, null, notWorkbook)] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    return {
      rounds: [],
      issues: [
        issue(null, null, `文件「${fileName}」无法作为 Excel 工作簿读取（可能已损坏），请重新导出后再试`),
      ],
    };
  }
  // exceljs lists the sheets in workbook order (their tab order).
  const sheets = workbook.worksheets;
  const rounds: ParsedRound[] = [];
  const issues: WorkbookIssue[] = [];
  const sheetOfRound = new Map<number, string>();
  sheets.forEach((sheet, index) => {
    const roundNo = roundNumberOf(sheet.name);
    if (roundNo === null) {
      // An untouched default sheet (Sheet1) is harmless; anything with content must be a round.
      if (sheet.actualRowCount > 0) {
        issues.push(
          issue(
            sheet.name,
            null,
            '工作表名称应为「第一次签到」「第二次签到」……这样的签到轮次，无法识别这一页',
          ),
        );
      }
    } else if (sheetOfRound.has(roundNo)) {
      issues.push(
        issue(sheet.name, null, `与工作表「${sheetOfRound.get(roundNo)}」是同一轮签到（第 ${roundNo} 次）`),
      );
    } else {
      sheetOfRound.set(roundNo, sheet.name);
      const parsed = parseRoundSheet(sheet, roundNo);
      issues.push(...parsed.issues);
      if (parsed.round !== null) rounds.push(parsed.round);
    }
    onSheet(index + 1, sheets.length, sheet.name);
  });
  if (sheetOfRound.size === 0 && issues.length === 0) {
    issues.push(issue(null, null, '工作簿中没有签到工作表（应为「第一次签到」「第二次签到」……）'));
  }
  return { rounds, issues };
}

/** A Chinese reason when the file is plainly no .xlsx (name or content), else null. */
async function notAnXlsx(path: string, fileName: string): Promise<string | null> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls'))
    return `文件「${fileName}」是旧版 .xls 格式：请在 Excel 中另存为 .xlsx 后再导入`;
  if (!lower.endsWith('.xlsx')) return `文件「${fileName}」不是 Excel 工作簿（.xlsx）`;
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || !head.equals(ZIP_MAGIC)) {
      return `文件「${fileName}」不是 Excel 工作簿（.xlsx）：内容无法识别`;
    }
  } finally {
    await handle.close();
  }
  return null;
}

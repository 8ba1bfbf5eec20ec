// A check-in workbook (R6.1): one sheet per round, named 第一次签到, 第二次签到, … Policy (documented in
// docs/user-manual.md, 签到导入): a sheet that is not a round (说明, 汇总, an empty Sheet1) is skipped with
// a notice naming it; a renamed sheet that still holds both blocks is a round; rounds are ordered by
// their number, not by tab order; a workbook without any round is refused. Every problem is collected
// (R6.3) so the user fixes the file once.
// The file is read with the hostile-workbook guards of sdk/main/xlsx (zip checked before inflating,
// sheets streamed under row, column and cell limits); a refusal becomes an issue like any other.
import { open } from 'node:fs/promises';
import {
  DEFAULT_WORKBOOK_LIMITS,
  isWorkbookRefused,
  type WorkbookLimits,
} from '../../../sdk/main/xlsx/workbook-limits.js';
import { XlsxReader } from '../../../sdk/main/xlsx/xlsx-reader.js';
import type { SkippedSheet, WorkbookIssue } from '../shared/checkin-api.js';
import { hasRoundBlocks, parseRoundSheet, type ParsedRound } from './round-sheet-parser.js';
import { roundNumberOf } from './round-title.js';
import { formatWallClock } from './checkin-time.js';
import { SheetGridBuilder, type GridRow } from './sheet-grid.js';
import { issue } from './workbook-issues.js';

export interface ParsedWorkbook {
  /** In round order, every round numbered. */
  rounds: Array<ParsedRound & { roundNo: number }>;
  skippedSheets: SkippedSheet[];
  notices: string[];
  issues: WorkbookIssue[];
}

/**
 * Called after each sheet: (sheets done, sheets in all, the sheet's name, and the round it holds when it
 * is one without problems, before the rounds are numbered).
 */
export type SheetProgress = (done: number, total: number, sheet: string, round?: ParsedRound) => void;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function parseCheckinWorkbook(
  path: string,
  fileName: string,
  onSheet: SheetProgress = () => undefined,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<ParsedWorkbook> {
  // The message names the sheet when one is at fault; the issue itself is the file's.
  const refused = (message: string): ParsedWorkbook => ({
    rounds: [],
    skippedSheets: [],
    notices: [],
    issues: [issue(null, null, message)],
  });
  const notWorkbook = await notAnXlsx(path, fileName);
  if (notWorkbook !== null) return refused(notWorkbook);
  try {
    return await parseSheets(await XlsxReader.open(path, limits), limits, onSheet);
  } catch (error) {
    // A limit broken, or a file no reader can take: the user gets the reason, nothing is imported.
    if (isWorkbookRefused(error)) return refused(`文件「${fileName}」无法导入：${error.message}`);
    throw error;
  }
}

async function parseSheets(
  reader: XlsxReader,
  limits: WorkbookLimits,
  onSheet: SheetProgress,
): Promise<ParsedWorkbook> {
  const date1904 = reader.date1904;
  const sheets = reader.sheets;
  const found: ParsedRound[] = [];
  const issues: WorkbookIssue[] = [];
  const skippedSheets: SkippedSheet[] = [];
  const sheetOfRound = new Map<number, string>();
  for (const [index, sheet] of sheets.entries()) {
    const roundNo = roundNumberOf(sheet.name);
    if (roundNo !== null && sheetOfRound.has(roundNo)) {
      issues.push(
        issue(
          sheet.name,
          null,
          `与工作表「${sheetOfRound.get(roundNo)}」是同一轮签到（第 ${roundNo} 次）：请删除或改名其中一个`,
        ),
      );
      onSheet(index + 1, sheets.length, sheet.name);
      continue;
    }
    const grid = await readGrid(reader, sheet, limits);
    if (roundNo !== null || hasRoundBlocks(grid)) {
      if (roundNo !== null) sheetOfRound.set(roundNo, sheet.name);
      const parsed = parseRoundSheet(sheet.name, { roundNo, sheetIndex: index + 1, date1904 }, grid);
      issues.push(...parsed.issues);
      if (parsed.round !== null) found.push(parsed.round);
      onSheet(index + 1, sheets.length, sheet.name, parsed.round ?? undefined);
      continue;
    }
    skippedSheets.push({
      sheet: sheet.name,
      reason:
        grid.length === 0
          ? '空白工作表'
          : '不是签到轮次（名称不是「第N次签到」，也没有「签到统计」「签到明细」区块），未导入',
    });
    onSheet(index + 1, sheets.length, sheet.name);
  }
  if (found.length === 0 && issues.length === 0) {
    const names = sheets.map((sheet) => `「${sheet.name}」`).join('');
    issues.push(
      issue(
        null,
        null,
        `工作簿中没有签到轮次：工作表${names}都不是「第一次签到」「第二次签到」……这样的签到表`,
      ),
    );
  }
  const { rounds, notices } = orderRounds(found);
  return { rounds, skippedSheets, notices, issues };
}

async function readGrid(
  reader: XlsxReader,
  sheet: XlsxReader['sheets'][number],
  limits: WorkbookLimits,
): Promise<GridRow[]> {
  const builder = new SheetGridBuilder(sheet.name, limits.sheet);
  const { merges } = await reader.readSheet(sheet, (row) => builder.add(row));
  return builder.grid(merges);
}

/**
 * Rounds by number (第一次 before 第二次, whatever the tab order); a sheet recognised by its blocks alone
 * is numbered after the named ones, in the order of its 签到发起时间.
 */
function orderRounds(found: readonly ParsedRound[]): {
  rounds: Array<ParsedRound & { roundNo: number }>;
  notices: string[];
} {
  const notices: string[] = [];
  const named = found.filter((round): round is ParsedRound & { roundNo: number } => round.roundNo !== null);
  const unnamed = found
    .filter((round) => round.roundNo === null)
    .sort((a, b) => formatWallClock(a.startedAt).localeCompare(formatWallClock(b.startedAt)));
  let next = Math.max(0, ...named.map((round) => round.roundNo));
  const numbered = unnamed.map((round) => {
    next += 1;
    notices.push(`工作表「${round.sheet}」的名称不是「第N次签到」，按签到发起时间记为第 ${next} 次签到`);
    return { ...round, roundNo: next };
  });
  const rounds = [...named, ...numbered].sort((a, b) => a.roundNo - b.roundNo);
  const tabOrder = [...rounds].sort((a, b) => a.sheetIndex - b.sheetIndex);
  if (rounds.some((round, index) => round !== tabOrder[index])) {
    notices.push('工作表的排列顺序与签到轮次不一致：已按轮次（第一次、第二次……）排序');
  }
  return { rounds, notices };
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

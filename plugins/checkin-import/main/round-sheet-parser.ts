// One sheet of a check-in workbook (R6.1): a 签到统计 block (签到发起时间, 已签到人数) and a
// 签到明细 block (已签到成员, 所在部门). Tolerant of layout (blank rows/columns, merged titles, numbers as
// text, a date cell or a bare date serial), strict about content: every problem is reported with its row.
// Repeated names are normal and 已签到人数 may differ from the rows (an export taken mid-round): the
// import plan turns both into warnings, never refusals (docs/user-manual.md, 签到导入).
import type { WorkbookIssue } from '../shared/checkin-api.js';
import {
  formatWallClock,
  parseWallClock,
  wallClockOfExcelDate,
  wallClockOfSerial,
  type WallClock,
} from './checkin-time.js';
import { parseMemberLabel, normaliseName, type MemberLabel } from './member-label.js';
import { columnOf, textAt, titleOf, type GridRow } from './sheet-grid.js';
import { issue } from './workbook-issues.js';

export interface ParsedMember extends MemberLabel {
  row: number;
  department: string;
}

export interface ParsedRound {
  /** From the sheet's name; null for a sheet recognised by its blocks alone (numbered later). */
  roundNo: number | null;
  sheet: string;
  /** 1-based tab position. */
  sheetIndex: number;
  startedAt: WallClock;
  startedText: string;
  statedCount: number;
  members: ParsedMember[];
  /** Rows whose normalised name appears more than once in this round. */
  repeatedNames: number;
}

export interface RoundSheetOptions {
  roundNo: number | null;
  sheetIndex: number;
  /** The workbook counts dates from 1904 (Excel for Mac, some WPS files): for serial numbers as text. */
  date1904: boolean;
}

const STATS = '签到统计';
const DETAILS = '签到明细';
const TIME = '签到发起时间';
const COUNT = '已签到人数';
const MEMBER = '已签到成员';
const DEPARTMENT = '所在部门';
const NONE = '-';

/** Whether a sheet holds both blocks of a round (a round whose sheet was renamed). */
export function hasRoundBlocks(rows: readonly GridRow[]): boolean {
  return blockAt(rows, STATS) >= 0 && blockAt(rows, DETAILS) >= 0;
}

export function parseRoundSheet(
  name: string,
  options: RoundSheetOptions,
  grid: readonly GridRow[],
): { round: ParsedRound | null; issues: WorkbookIssue[] } {
  const rows = grid;
  const issues: WorkbookIssue[] = [];
  const fail = (row: number | null, message: string): { round: null; issues: WorkbookIssue[] } => {
    issues.push(issue(name, row, message));
    return { round: null, issues };
  };
  const statsAt = blockAt(rows, STATS);
  const detailsAt = blockAt(rows, DETAILS);
  if (statsAt < 0) {
    const first = rows[0]?.rowNo ?? 1;
    return fail(
      first,
      `缺少「${STATS}」区块：第 ${first} 行起应有一行写着「${STATS}」，其下是「${TIME}」「${COUNT}」`,
    );
  }
  if (detailsAt < 0) {
    // Expected after the stats' title, header and values, with one blank row as WeCom writes it.
    const expected = (rows[Math.min(statsAt + 2, rows.length - 1)]?.rowNo ?? 0) + 2;
    return fail(
      expected,
      `缺少「${DETAILS}」区块：应在「${STATS}」之后（约第 ${expected} 行）有一行写着「${DETAILS}」，` +
        `其下是「${MEMBER}」「${DEPARTMENT}」表头和成员行`,
    );
  }
  if (detailsAt < statsAt) {
    return fail(rows[detailsAt]?.rowNo ?? null, `「${DETAILS}」应在「${STATS}」之后`);
  }

  const stats = parseStats(rows.slice(statsAt + 1, detailsAt), rows[statsAt]?.rowNo ?? 0, options.date1904);
  if ('error' in stats) return fail(stats.row, stats.error);

  const detailsRow = rows[detailsAt]?.rowNo ?? 0;
  const detailRows = rows.slice(detailsAt + 1);
  const header = detailRows[0];
  const memberColumn = header === undefined ? null : columnOf(header, MEMBER);
  if (header === undefined || memberColumn === null) {
    return fail(header?.rowNo ?? detailsRow + 1, `「${DETAILS}」下缺少表头「${MEMBER}」「${DEPARTMENT}」`);
  }
  const departmentColumn = columnOf(header, DEPARTMENT);
  const members: ParsedMember[] = [];
  const seen = new Map<string, number>();
  for (const row of detailRows.slice(1)) {
    const cell = row.cells.get(memberColumn);
    const text = cell?.text ?? '';
    if (text === '' || text === NONE) {
      issues.push(issue(name, row.rowNo, `「${MEMBER}」为空，但这一行还有其他内容：请补上成员或删除这一行`));
      continue;
    }
    // The same name twice in a round is normal (people share names): every row is its own check-in.
    const label = parseMemberLabel(text);
    const key = normaliseName(label.name);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const department = departmentColumn === null ? '' : textAt(row, departmentColumn);
    members.push({
      ...label,
      raw: cell?.raw ?? text,
      row: row.rowNo,
      department: department === NONE ? '' : department,
    });
  }
  if (issues.length > 0) return { round: null, issues };
  let repeatedNames = 0;
  for (const count of seen.values()) if (count > 1) repeatedNames += count;
  return {
    round: {
      roundNo: options.roundNo,
      sheet: name,
      sheetIndex: options.sheetIndex,
      startedAt: stats.clock,
      startedText: formatWallClock(stats.clock),
      statedCount: stats.count,
      members,
      repeatedNames,
    },
    issues,
  };
}

/** Where a block's title row is: a row saying only the title (merged or not), or a cell with it. */
function blockAt(rows: readonly GridRow[], title: string): number {
  return rows.findIndex((row) => titleOf(row) === title || columnOf(row, title) !== null);
}

type StatsResult = { clock: WallClock; count: number } | { error: string; row: number };

function parseStats(rows: readonly GridRow[], titleRow: number, date1904: boolean): StatsResult {
  const header = rows[0];
  const timeColumn = header === undefined ? null : columnOf(header, TIME);
  const countColumn = header === undefined ? null : columnOf(header, COUNT);
  if (header === undefined || timeColumn === null || countColumn === null) {
    return { error: `「${STATS}」下缺少表头「${TIME}」「${COUNT}」`, row: header?.rowNo ?? titleRow + 1 };
  }
  const values = rows[1];
  if (values === undefined) return { error: `「${STATS}」表头下没有数据`, row: header.rowNo + 1 };
  const timeCell = values.cells.get(timeColumn)?.value;
  const timeText = textAt(values, timeColumn);
  const clock =
    timeCell?.kind === 'date'
      ? wallClockOfExcelDate(timeCell.date)
      : (parseWallClock(timeText) ?? wallClockOfSerial(timeText, date1904));
  if (clock === null) {
    const shown = timeText === '' ? '（空）' : `「${timeText}」`;
    return {
      error: `${TIME}${shown}无法识别，应为 2025.3.13 12:17 这样的日期和时间`,
      row: values.rowNo,
    };
  }
  const countText = textAt(values, countColumn).replace(/\s+/g, '');
  if (!/^\d+(\.0+)?$/.test(countText)) {
    const shown = countText === '' ? '（空）' : `「${countText}」`;
    return { error: `${COUNT}${shown}不是整数`, row: values.rowNo };
  }
  return { clock, count: Number.parseInt(countText, 10) };
}

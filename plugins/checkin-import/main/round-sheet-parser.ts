// One sheet of a check-in workbook (seed 000 §7.5.4): a 签到统计 block (签到发起时间, 已签到人数) and a
// 签到明细 block (已签到成员, 所在部门). Tolerant of layout (blank rows/columns, merged titles, numbers as
// text, a date cell), strict about content: every problem is reported with its row.
import type { Worksheet } from 'exceljs';
import type { WorkbookIssue } from '../shared/checkin-api.js';
import { formatWallClock, parseWallClock, wallClockOfExcelDate, type WallClock } from './checkin-time.js';
import { parseMemberLabel, normaliseName, type MemberLabel } from './member-label.js';
import { columnOf, sheetGrid, titleOf, type GridRow } from './sheet-grid.js';
import { issue } from './workbook-issues.js';

export interface ParsedMember extends MemberLabel {
  row: number;
  department: string;
}

export interface ParsedRound {
  roundNo: number;
  sheet: string;
  startedAt: WallClock;
  startedText: string;
  statedCount: number;
  members: ParsedMember[];
}

const STATS = '签到统计';
const DETAILS = '签到明细';
const TIME = '签到发起时间';
const COUNT = '已签到人数';
const MEMBER = '已签到成员';
const DEPARTMENT = '所在部门';
const NONE = '-';

export function parseRoundSheet(
  sheet: Worksheet,
  roundNo: number,
): { round: ParsedRound | null; issues: WorkbookIssue[] } {
  const name = sheet.name;
  const rows = sheetGrid(sheet);
  const issues: WorkbookIssue[] = [];
  const fail = (row: number | null, message: string): { round: null; issues: WorkbookIssue[] } => {
    issues.push(issue(name, row, message));
    return { round: null, issues };
  };
  const statsAt = rows.findIndex((row) => titleOf(row) === STATS || columnOf(row, STATS) !== null);
  const detailsAt = rows.findIndex((row) => titleOf(row) === DETAILS || columnOf(row, DETAILS) !== null);
  if (statsAt < 0) issues.push(issue(name, null, `缺少「${STATS}」区块（应有一行写着“${STATS}”）`));
  if (detailsAt < 0) issues.push(issue(name, null, `缺少「${DETAILS}」区块（应有一行写着“${DETAILS}”）`));
  if (statsAt < 0 || detailsAt < 0) return { round: null, issues };
  if (detailsAt < statsAt) {
    return fail(rows[detailsAt]?.rowNo ?? null, `「${DETAILS}」应在「${STATS}」之后`);
  }

  const stats = parseStats(rows.slice(statsAt + 1, detailsAt), rows[statsAt]?.rowNo ?? 0);
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
    const text = row.texts.get(memberColumn) ?? '';
    if (text === '' || text === NONE) {
      issues.push(issue(name, row.rowNo, `「${MEMBER}」为空，但这一行还有其他内容`));
      continue;
    }
    const key = normaliseName(text);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(
        issue(name, row.rowNo, `成员「${text}」与第 ${first} 行重复（同一次签到中每人只应出现一次）`),
      );
      continue;
    }
    seen.set(key, row.rowNo);
    const department = departmentColumn === null ? '' : (row.texts.get(departmentColumn) ?? '');
    members.push({
      ...parseMemberLabel(text),
      row: row.rowNo,
      department: department === NONE ? '' : department,
    });
  }
  // Every non-empty row under the header is a member row, refused ones included.
  const rowsFound = detailRows.length - 1;
  if (stats.count !== rowsFound) {
    issues.push(
      issue(name, stats.countRow, `「${COUNT}」为 ${stats.count}，但「${DETAILS}」中有 ${rowsFound} 名成员`),
    );
  }
  if (issues.length > 0) return { round: null, issues };
  return {
    round: {
      roundNo,
      sheet: name,
      startedAt: stats.clock,
      startedText: formatWallClock(stats.clock),
      statedCount: stats.count,
      members,
    },
    issues,
  };
}

type StatsResult = { clock: WallClock; count: number; countRow: number } | { error: string; row: number };

function parseStats(rows: readonly GridRow[], titleRow: number): StatsResult {
  const header = rows[0];
  const timeColumn = header === undefined ? null : columnOf(header, TIME);
  const countColumn = header === undefined ? null : columnOf(header, COUNT);
  if (header === undefined || timeColumn === null || countColumn === null) {
    return { error: `「${STATS}」下缺少表头「${TIME}」「${COUNT}」`, row: header?.rowNo ?? titleRow + 1 };
  }
  const values = rows[1];
  if (values === undefined) return { error: `「${STATS}」表头下没有数据`, row: header.rowNo + 1 };
  const timeCell = values.cells.get(timeColumn);
  const timeText = values.texts.get(timeColumn) ?? '';
  const clock = timeCell?.kind === 'date' ? wallClockOfExcelDate(timeCell.date) : parseWallClock(timeText);
  if (clock === null) {
    const shown = timeText === '' ? '（空）' : `「${timeText}」`;
    return {
      error: `${TIME}${shown}无法识别，应为 2025.3.13 12:17 这样的日期和时间`,
      row: values.rowNo,
    };
  }
  const countText = (values.texts.get(countColumn) ?? '').replace(/\s+/g, '');
  if (!/^\d+(\.0+)?$/.test(countText)) {
    const shown = countText === '' ? '（空）' : `「${countText}」`;
    return { error: `${COUNT}${shown}不是整数`, row: values.rowNo };
  }
  return { clock, count: Number.parseInt(countText, 10), countRow: values.rowNo };
}

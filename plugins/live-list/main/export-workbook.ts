import ExcelJS from 'exceljs';
import type { LiveListRow } from '../shared/live-list-api.js';
import { DATE_FORMAT, EXPORT_COLUMNS, NO_CHECKINS } from './export-columns.js';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';

export const LIST_SHEET = '直播列表';
export const STATS_SHEET = '统计分析';
const TOP_LIVES = 20;

/** Writes the list (and, asked for, the sheet 统计分析) to `path` as .xlsx. */
export async function writeLiveWorkbook(
  path: string,
  rows: readonly LiveListRow[],
  options: { timeZone: string; withCharts: boolean; now: number },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'WeCom Live';
  workbook.created = new Date(options.now);
  addListSheet(workbook, rows, options.timeZone);
  if (options.withCharts) addStatsSheet(workbook, rows, options.timeZone);
  await workbook.xlsx.writeFile(path);
}

function addListSheet(workbook: ExcelJS.Workbook, rows: readonly LiveListRow[], timeZone: string): void {
  const sheet = workbook.addWorksheet(LIST_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.date === true ? { style: { numFmt: DATE_FORMAT, alignment: { horizontal: 'left' } } } : {}),
  }));
  boldHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  for (const row of rows) sheet.addRow(EXPORT_COLUMNS.map((column) => column.value(row, timeZone)));
}

/** Aggregate tables, one under the other: lives per anchor, the most watched lives, check-in rates. */
function addStatsSheet(workbook: ExcelJS.Workbook, rows: readonly LiveListRow[], timeZone: string): void {
  const sheet = workbook.addWorksheet(STATS_SHEET);
  sheet.columns = [{ width: 30 }, { width: 30 }, { width: 16 }, { width: 20 }, { width: 14 }];

  const anchors = new Map<string, { name: string; lives: number; viewers: number }>();
  for (const row of rows) {
    const entry = anchors.get(row.anchorUserid) ?? { name: row.anchorName ?? '', lives: 0, viewers: 0 };
    entry.lives += 1;
    entry.viewers += row.viewerNum ?? 0;
    if (entry.name === '' && row.anchorName !== null) entry.name = row.anchorName;
    anchors.set(row.anchorUserid, entry);
  }
  title(sheet, '各主播直播场次');
  boldHeader(sheet.addRow(['主播 userid', '主播', '直播场次', '观看人数合计']));
  for (const [userid, entry] of [...anchors].sort(
    (a, b) => b[1].lives - a[1].lives || a[0].localeCompare(b[0]),
  )) {
    sheet.addRow([userid, entry.name, entry.lives, entry.viewers]);
  }

  sheet.addRow([]);
  title(sheet, `观看人数前 ${TOP_LIVES} 场`);
  boldHeader(sheet.addRow(['直播主题', '直播 ID', '观看人数', '开始时间']));
  const top = [...rows]
    .filter((row) => row.viewerNum !== null)
    .sort((a, b) => (b.viewerNum ?? 0) - (a.viewerNum ?? 0))
    .slice(0, TOP_LIVES);
  for (const row of top) {
    const added = sheet.addRow([
      row.theme,
      row.livingid,
      row.viewerNum,
      row.start === null ? null : wallClockDate(row.start * 1000, timeZone),
    ]);
    added.getCell(4).numFmt = DATE_FORMAT;
  }

  sheet.addRow([]);
  title(sheet, '各场签到率');
  boldHeader(sheet.addRow(['直播主题', '直播 ID', '观看人数', '签到人数', '签到率']));
  for (const row of rows) {
    const imported = row.checkinRounds > 0;
    const rate =
      imported && row.viewerNum !== null && row.viewerNum > 0 ? row.checkinPeople / row.viewerNum : null;
    const added = sheet.addRow([
      row.theme,
      row.livingid,
      row.viewerNum,
      imported ? row.checkinPeople : NO_CHECKINS,
      rate ?? (imported ? '—' : NO_CHECKINS),
    ]);
    if (rate !== null) added.getCell(5).numFmt = '0.0%';
  }
}

function title(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.font = { bold: true, size: 13 };
}

function boldHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF6' } };
  row.alignment = { vertical: 'middle' };
}

import ExcelJS from 'exceljs';
import type { LiveListRow } from '../shared/live-list-api.js';
import { DATE_FORMAT, EXPORT_COLUMNS } from './export-columns.js';
import { addStatsSheet } from './stats-sheet.js';

export const LIST_SHEET = '直播列表';
export { STATS_SHEET } from './stats-sheet.js';

/** Writes the list (and, asked for, the sheet 统计分析 with its charts: stats-sheet.ts) to `path` as .xlsx. */
export async function writeLiveWorkbook(
  path: string,
  rows: readonly LiveListRow[],
  options: { timeZone: string; withCharts: boolean; now: number },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'WeCom Live';
  workbook.created = new Date(options.now);
  addListSheet(workbook, rows, options.timeZone);
  if (options.withCharts) await addStatsSheet(workbook, rows, options.timeZone);
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

function boldHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF6' } };
  row.alignment = { vertical: 'middle' };
}

// A report's Excel export, built in a worker thread: one data sheet per `export.sheets` entry (Chinese
// headers, frozen and filtered header row, numbers as numbers, times as Excel dates of the installation's
// zone, durations as [h]:mm:ss), then the analysis sheet: each chart as a PNG image beside its figures
// (report-chart-images.ts; a chart that cannot be rendered leaves its figures and a note).
import ExcelJS from 'exceljs';
import type { ReportColumn } from '../../../sdk/contracts/report-definition.js';
import { formatReportValue } from '../../../sdk/contracts/report-format.js';
import type { ReportQueryResult } from '../../../sdk/contracts/reports.js';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { placeChartImage, rowsCovered } from '../../../sdk/main/charts/index.js';
import { renderReportChart } from './report-chart-images.js';

export const REPORT_WORKBOOK_WORKER = new URL('./report-workbook.js', import.meta.url);

export interface ReportWorkbookTask {
  path: string;
  title: string;
  timeZone: string;
  exportedAt: number;
  /** Parameter labels and their values as text, written above the first sheet's table. */
  parameters: Array<[string, string]>;
  sheets: Array<{ name: string; columns: ReportColumn[]; result: ReportQueryResult }>;
  analysis: {
    name: string;
    charts: Array<{
      id: string;
      title: string;
      option: Record<string, unknown>;
      height: number;
      /** The figures beside the image: the query's columns, labelled and formatted as the table does. */
      columns: ReportColumn[];
      result: ReportQueryResult;
    }>;
  } | null;
}

/** What the export answers besides the file: how each chart went in. */
export interface ReportWorkbookResult {
  images: number;
  notes: string[];
}

const FORMATS: Partial<Record<ReportColumn['format'], string>> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  duration: '[h]:mm:ss',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
};

function width(text: string): number {
  let w = 0;
  for (const char of text) w += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return w;
}

function cellValue(value: unknown, column: ReportColumn, timeZone: string): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number.NaN;
  switch (column.format) {
    case 'integer':
    case 'decimal':
    case 'percent':
      return Number.isFinite(number) ? number : String(value);
    case 'duration':
      return Number.isFinite(number) ? number / 86_400 : String(value);
    case 'datetime':
    case 'date':
      return Number.isFinite(number) ? wallClockDate(number * 1000, timeZone) : String(value);
    case 'boolean':
      return formatReportValue(value, 'boolean', timeZone);
    default:
      return typeof value === 'number' ? value : String(value);
  }
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  startRow: number,
  startColumn: number,
  columns: readonly ReportColumn[],
  result: ReportQueryResult,
  timeZone: string,
): number {
  const indexes = columns.map((column) => result.columns.indexOf(column.key));
  const header = sheet.getRow(startRow);
  columns.forEach((column, at) => {
    const cell = header.getCell(startColumn + at);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  const widths = columns.map((column) => width(column.label) + 2);
  result.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(startRow + 1 + r);
    columns.forEach((column, at) => {
      const value = row[indexes[at] ?? -1];
      const cell = excelRow.getCell(startColumn + at);
      cell.value = cellValue(value, column, timeZone);
      const format = FORMATS[column.format];
      if (format !== undefined) cell.numFmt = format;
      if (r < 1000) {
        const shown = formatReportValue(value, column.format, timeZone);
        widths[at] = Math.max(widths[at] ?? 0, Math.min(60, width(shown) + 2));
      }
    });
  });
  widths.forEach((w, at) => {
    const column = sheet.getColumn(startColumn + at);
    column.width = Math.max(column.width ?? 0, w, 8);
  });
  return startRow + 1 + result.rows.length;
}

export const task: WorkerTask<ReportWorkbookTask, ReportWorkbookResult> = async (input) => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'WeCom Live';
  workbook.created = new Date(input.exportedAt);
  const outcome: ReportWorkbookResult = { images: 0, notes: [] };
  input.sheets.forEach((spec, index) => {
    const sheet = workbook.addWorksheet(spec.name);
    let row = 1;
    if (index === 0) {
      sheet.getCell(1, 1).value = input.title;
      sheet.getCell(1, 1).font = { bold: true, size: 14 };
      sheet.getCell(2, 1).value =
        `导出时间：${formatReportValue(input.exportedAt / 1000, 'datetime', input.timeZone)}`;
      row = 3;
      for (const [label, text] of input.parameters) {
        sheet.getCell(row, 1).value = `${label}：${text}`;
        row += 1;
      }
      row += 1;
    }
    const headerRow = row;
    writeTable(sheet, headerRow, 1, spec.columns, spec.result, input.timeZone);
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
    if (spec.columns.length > 0) {
      sheet.autoFilter = {
        from: { row: headerRow, column: 1 },
        to: { row: headerRow + spec.result.rows.length, column: spec.columns.length },
      };
    }
  });
  if (input.analysis !== null && input.analysis.charts.length > 0) {
    const sheet = workbook.addWorksheet(input.analysis.name);
    let row = 1;
    for (const chart of input.analysis.charts) {
      const heightPx = chart.height;
      const widthPx = 640;
      sheet.getCell(row, 1).value = chart.title;
      sheet.getCell(row, 1).font = { bold: true, size: 13 };
      const image = await renderReportChart(chart.title, chart.option, { width: widthPx, height: heightPx });
      const figures = chart.columns;
      if ('png' in image) {
        // The picture under the title (columns A…J), its figures beside it from column L.
        placeChartImage(workbook, sheet, image.png, {
          row: row + 1,
          col: 1,
          width: image.width,
          height: image.height,
          title: chart.title,
        });
        outcome.images += 1;
        const end = writeTable(sheet, row + 1, 12, figures, chart.result, input.timeZone);
        row = Math.max(row + 2 + rowsCovered(image.height), end + 2);
      } else {
        sheet.getCell(row + 1, 1).value = image.note;
        sheet.getCell(row + 1, 1).font = { italic: true, color: { argb: 'FF8A5A00' } };
        outcome.notes.push(`${chart.title}：${image.note}`);
        const end = writeTable(sheet, row + 2, 1, figures, chart.result, input.timeZone);
        row = end + 2;
      }
    }
  }
  await workbook.xlsx.writeFile(input.path);
  return outcome;
};

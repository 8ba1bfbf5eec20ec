// An analysis sheet: blocks of figures one under another, each block's chart as a picture beside its
// table. Works for exceljs's in-memory Workbook and its streaming WorkbookWriter (rows go out in order,
// so every chart is rendered before the first row is written).
import type { EChartsOption } from 'echarts';
import type ExcelJS from 'exceljs';
import { placeChartImage, rowsCovered } from './place-image.js';
import { chartFailureNote, isRenderedChart, renderChart, type ChartResult } from './render-chart.js';

export type ChartSheetCell = string | number | Date | null;

export interface ChartBlock {
  /** Bold heading above the table; also the chart's name in a failure note. */
  title: string;
  header: string[];
  rows: ChartSheetCell[][];
  /** Formats of number and date cells per column ('0.0%', 'yyyy-mm-dd'); undefined leaves it as is. */
  numFmts?: Array<string | undefined>;
  /** The chart beside the table; null for a table alone. */
  chart: EChartsOption | null;
  /** Shown in the table when it has no rows (default （无数据）). */
  empty?: string;
  /**
   * The chart already rendered (renderChart's result, e.g. in a worker of its own so its memory is gone
   * before a big workbook's rows are written); addChartSheet then uses it instead of `chart`.
   */
  rendered?: ChartResult | null;
}

export interface ChartSheetSpec {
  name: string;
  /** A bold first row (the sheet's subject). */
  heading?: string;
  /** Label / value (/ number format) rows under the heading, before the first block (直播场次 / 12). */
  figures?: Array<[string, ChartSheetCell] | [string, ChartSheetCell, string]>;
  /** Table column widths in characters (default 14 each). */
  widths?: number[];
  blocks: ChartBlock[];
  /** Chart picture size in CSS pixels (default 520 × 300). */
  chartSize?: { width: number; height: number };
}

export interface ChartSheetResult {
  /** Charts placed as pictures. */
  images: number;
  /** Titles of the charts that could not render (their note is in the sheet). */
  failed: string[];
  /** Milliseconds each chart took to render, in block order (rendered ones only). */
  renderMs: number[];
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAF6' } };
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF9C4221' } };

/**
 * Adds the sheet `spec.name`: heading, figures, then per block a title row, a header row and the rows,
 * the chart's picture at the header row one column right of the widest table; where a chart cannot
 * render, a note in that cell instead. A block takes at least the rows its picture covers, so pictures
 * never overlap. On a WorkbookWriter the sheet is committed here.
 */
export async function addChartSheet(
  workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  spec: ChartSheetSpec,
): Promise<ChartSheetResult> {
  const size = spec.chartSize ?? { width: 520, height: 300 };
  const results: Array<ChartResult | null> = [];
  for (const block of spec.blocks) {
    results.push(
      block.rendered !== undefined
        ? block.rendered
        : block.chart === null || block.rows.length === 0
          ? null
          : await renderChart(block.chart, size),
    );
  }
  const tableColumns = Math.max(2, ...spec.blocks.map((block) => block.header.length));
  const chartCol = tableColumns + 2;
  const sheet = workbook.addWorksheet(spec.name);
  sheet.columns = [
    ...Array.from({ length: tableColumns }, (_, index) => ({ width: spec.widths?.[index] ?? 14 })),
    { width: 4 },
  ];
  let rowNo = 0;
  const add = (values: ChartSheetCell[], style?: (row: ExcelJS.Row) => void): void => {
    const row = sheet.addRow(values);
    rowNo += 1;
    style?.(row);
    row.commit();
  };
  if (spec.heading !== undefined) add([spec.heading], (row) => (row.font = TITLE_FONT));
  for (const [label, value, format] of spec.figures ?? []) {
    add([label, value], (row) => {
      row.getCell(1).font = { bold: true };
      const numFmt = format ?? (value instanceof Date ? DATE_FORMAT : undefined);
      if (numFmt !== undefined && (typeof value === 'number' || value instanceof Date)) {
        row.getCell(2).numFmt = numFmt;
      }
    });
  }
  const outcome: ChartSheetResult = { images: 0, failed: [], renderMs: [] };
  for (const [index, block] of spec.blocks.entries()) {
    if (rowNo > 0) add([]);
    add([block.title], (row) => (row.font = TITLE_FONT));
    const headerRow = rowNo + 1;
    const result = results[index] ?? null;
    const note = result !== null && !isRenderedChart(result) ? chartFailureNote(block.title, result) : null;
    add(block.header, (row) => {
      for (let column = 1; column <= block.header.length; column += 1) {
        const cell = row.getCell(column);
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
      }
      if (note !== null) {
        row.getCell(chartCol).value = note;
        row.getCell(chartCol).font = NOTE_FONT;
      }
    });
    if (result !== null && isRenderedChart(result)) {
      placeChartImage(workbook, sheet, result.png, {
        row: headerRow,
        col: chartCol,
        width: size.width,
        height: size.height,
        title: block.title,
      });
      outcome.images += 1;
      outcome.renderMs.push(result.ms);
    } else if (result !== null) {
      outcome.failed.push(block.title);
    }
    const rows = block.rows.length > 0 ? block.rows : [[block.empty ?? '（无数据）']];
    for (const values of rows) {
      add(values, (row) =>
        block.numFmts?.forEach((format, column) => {
          if (format !== undefined && typeof values[column] === 'number')
            row.getCell(column + 1).numFmt = format;
        }),
      );
    }
    // Room for the picture below the header row before the next block starts.
    const covered = result !== null && isRenderedChart(result) ? rowsCovered(size.height) : 0;
    for (let used = rows.length; used < covered; used += 1) add([]);
  }
  if ('commit' in sheet && typeof sheet.commit === 'function') sheet.commit();
  return outcome;
}

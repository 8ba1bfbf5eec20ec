// One worksheet streamed row by row with the sheet limits enforced on every cell as it is read: a row of
// millions of cells is refused at the first cell past the column limit, never held in memory.
import { parseXml } from './xml-events.js';
import type { SharedString, SheetInfo, WorkbookParts } from './xlsx-parts.js';
import type { ZipArchive } from './zip-archive.js';
import { formatCount, WorkbookRefusedError, type SheetLimits } from './workbook-limits.js';

/**
 * A cell's value in the shapes exceljs uses, so code written for exceljs cells reads it unchanged:
 * text, number, boolean, a Date whose UTC fields are the wall clock, rich text, or an error.
 */
export type SheetCellValue =
  string | number | boolean | Date | { richText: Array<{ text: string }> } | { error: string };

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNo: number;
  /** Column number (1-based) and value; empty cells are left out. */
  cells: Array<[number, SheetCellValue]>;
}

export interface SheetContent {
  /** Merged ranges as written (A1:D1). */
  merges: string[];
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

export async function readSheet(
  zip: ZipArchive,
  parts: WorkbookParts,
  sheet: SheetInfo,
  limits: SheetLimits,
  onRow: (row: SheetRow) => void,
): Promise<SheetContent> {
  const entry = zip.find(sheet.part);
  if (entry === undefined)
    throw new WorkbookRefusedError(`工作表「${sheet.name}」缺少内容（${sheet.part}）`, sheet.name);
  const refuse = (message: string): never => {
    throw new WorkbookRefusedError(`工作表「${sheet.name}」${message}`, sheet.name);
  };
  const merges: string[] = [];
  let rowNo = 0;
  let row: SheetRow | null = null;
  let column = 0;
  let cells = 0;
  // The cell being read.
  let type = '';
  let style = 0;
  let value = '';
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  // Only inline rich text has runs: other cells share this empty list instead of allocating one each.
  const noRuns: Array<{ text: string }> = [];
  let runs = noRuns;
  let inRun = false;

  const finishCell = (): void => {
    if (row === null) return;
    const parsed = cellValue(type, style, value, runs, parts);
    if (parsed !== null) row.cells.push([column, parsed]);
  };

  await parseXml(await zip.stream(entry), entry.name, {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attributes['r'];
          rowNo = r === undefined ? rowNo + 1 : Number.parseInt(r, 10);
          if (!Number.isInteger(rowNo) || rowNo < 1) refuse(`的行号「${r}」无效`);
          row = { rowNo, cells: [] };
          column = 0;
          break;
        }
        case 'c': {
          const ref = attributes['r'];
          column = ref === undefined ? column + 1 : (columnOfRef(ref) ?? column + 1);
          cells += 1;
          if (column > limits.maxColumns) {
            refuse(
              `第 ${rowNo} 行有第 ${formatCount(column)} 列，超过每表 ${formatCount(limits.maxColumns)} 列的上限`,
            );
          }
          if (cells > limits.maxCells) {
            refuse(
              `的单元格超过 ${formatCount(limits.maxCells)} 个的上限（读到第 ${formatCount(rowNo)} 行时）`,
            );
          }
          if (rowNo > limits.maxRows) {
            refuse(`有第 ${formatCount(rowNo)} 行，超过每表 ${formatCount(limits.maxRows)} 行的上限`);
          }
          type = attributes['t'] ?? 'n';
          style = Number(attributes['s'] ?? 0);
          value = '';
          runs = noRuns;
          break;
        }
        case 'v':
          inValue = true;
          break;
        case 'is':
          inInline = true;
          break;
        case 'r':
          if (inInline) {
            inRun = true;
            if (runs === noRuns) runs = [];
            runs.push({ text: '' });
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          inValue = inInline && !inPhonetic;
          break;
        case 'mergeCell':
          if (attributes['ref'] !== undefined) merges.push(attributes['ref']);
          break;
      }
    },
    text(text) {
      if (!inValue) return;
      const run = runs[runs.length - 1];
      if (inRun && run !== undefined) run.text += text;
      else value += text;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'r':
          inRun = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          if (row !== null && row.cells.length > 0) onRow(row);
          row = null;
          break;
      }
    },
  });
  return { merges };
}

function cellValue(
  type: string,
  style: number,
  text: string,
  runs: Array<{ text: string }>,
  parts: WorkbookParts,
): SheetCellValue | null {
  switch (type) {
    case 's': {
      const shared: SharedString | undefined = parts.sharedStrings[Number.parseInt(text, 10)];
      return shared === undefined || shared === '' ? null : shared;
    }
    case 'inlineStr':
      if (runs.length > 0) return { richText: runs };
      return text === '' ? null : text;
    case 'str':
      return text === '' ? null : text;
    case 'b':
      return text === '' ? null : text === '1' || text === 'true';
    case 'e':
      return { error: text };
    case 'd': {
      // ISO 8601; without a zone it is a wall clock, kept in the UTC fields like every date here.
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (text === '') return null;
      const number = Number(text);
      if (Number.isNaN(number)) return text;
      if (parts.dateStyles[style] === true) {
        return new Date(Math.round((parts.date1904 ? EPOCH_1904 : EPOCH_1900) + number * DAY_MS));
      }
      return number;
    }
  }
}

/** The column number of a reference like AB12 (A = 1), or null when it has no letters. */
export function columnOfRef(ref: string): number | null {
  let column = 0;
  for (let index = 0; index < ref.length; index += 1) {
    const code = ref.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  return column === 0 ? null : column;
}

/** The row number of a reference like AB12, or null. */
export function rowOfRef(ref: string): number | null {
  const digits = /\d+$/.exec(ref);
  return digits === null ? null : Number.parseInt(digits[0], 10);
}

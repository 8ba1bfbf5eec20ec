// What a workbook cell holds, reduced to text or a date: exports store the same thing in several ways
// (rich text, a formula's cached result, a number typed as text, an Excel date). The reader hands the
// value over as exceljs would (sdk/main/xlsx/xlsx-sheet-reader.ts).
import type { SheetCellValue } from '../../../sdk/main/xlsx/xlsx-reader.js';

type CellValue = SheetCellValue | null | undefined;

export type PlainCell = { kind: 'text'; text: string } | { kind: 'date'; date: Date } | { kind: 'empty' };

export function plainCell(value: CellValue): PlainCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (value instanceof Date) return { kind: 'date', date: value };
  if (typeof value === 'string') return textOrEmpty(value);
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if ('richText' in value) return textOrEmpty(value.richText.map((part) => part.text).join(''));
  return { kind: 'text', text: value.error };
}

/** The cell as one line of text (a date as yyyy.M.d HH:mm, the way the exports write it). */
export function cellText(value: CellValue): string {
  return plainText(plainCell(value));
}

/** cellText of a cell already reduced by plainCell (reading a sheet reduces each cell once). */
export function plainText(cell: PlainCell): string {
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'empty') return '';
  const d = cell.date;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${d.getUTCMonth() + 1}.${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The cell's text exactly as written (no trimming, U+00A0 kept): what the preview shows as `raw`. */
export function rawText(value: CellValue, plain?: PlainCell): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && 'richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  return plainText(plain ?? plainCell(value));
}

function textOrEmpty(text: string): PlainCell {
  const trimmed = (text.includes('\u00a0') ? text.replace(/\u00a0/g, ' ') : text).trim();
  return trimmed === '' ? { kind: 'empty' } : { kind: 'text', text: trimmed };
}

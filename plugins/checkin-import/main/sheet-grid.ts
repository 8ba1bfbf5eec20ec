// A worksheet as the rows that hold something: blank rows and columns of real exports are skipped
// here, so the block parser only sees content. Merged cells read as their master's value (exceljs).
import type { Worksheet } from 'exceljs';
import { cellText, plainCell, rawText, type PlainCell } from './cell-value.js';

export interface GridRow {
  /** 1-based, as Excel shows it. */
  rowNo: number;
  /** Column number (1-based) → cell. Only non-empty cells. */
  cells: Map<number, PlainCell>;
  /** Trimmed text (a non-breaking space counts as a space). */
  texts: Map<number, string>;
  /** The text exactly as the cell holds it (inner and outer spaces, U+00A0 kept). */
  raws: Map<number, string>;
}

export function sheetGrid(sheet: Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells = new Map<number, PlainCell>();
    const texts = new Map<number, string>();
    const raws = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const plain = plainCell(cell.value);
      if (plain.kind === 'empty') return;
      cells.set(column, plain);
      texts.set(column, cellText(cell.value));
      raws.set(column, rawText(cell.value));
    });
    if (cells.size > 0) rows.push({ rowNo, cells, texts, raws });
  });
  return rows;
}

/** The first column whose text is `label` (spaces ignored), or null. */
export function columnOf(row: GridRow, label: string): number | null {
  for (const [column, text] of row.texts) if (text.replace(/\s+/g, '') === label) return column;
  return null;
}

/** The row's one distinct text when all its cells say the same (a merged title), else null. */
export function titleOf(row: GridRow): string | null {
  const distinct = new Set([...row.texts.values()].map((text) => text.replace(/\s+/g, '')));
  return distinct.size === 1 ? ([...distinct][0] ?? null) : null;
}

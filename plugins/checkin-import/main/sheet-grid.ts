// A worksheet as the rows that hold something: blank rows and columns of real exports are skipped
// here, so the block parser only sees content. Merged cells read as their master's value, as exceljs
// reads them; the cells a merge fills count against the sheet's cell limit.
import type { SheetRow } from '../../../sdk/main/xlsx/xlsx-reader.js';
import { columnOfRef, rowOfRef } from '../../../sdk/main/xlsx/xlsx-sheet-reader.js';
import {
  formatCount,
  WorkbookRefusedError,
  type SheetLimits,
} from '../../../sdk/main/xlsx/workbook-limits.js';
import { plainCell, plainText, rawText, type PlainCell } from './cell-value.js';

export interface GridRow {
  /** 1-based, as Excel shows it. */
  rowNo: number;
  /** Column number (1-based) → cell. Only non-empty cells, in column order as the file has them. */
  cells: Map<number, GridCell>;
}

/** One non-empty cell, read once three ways (a row holds one map of these, not three maps). */
export interface GridCell {
  value: PlainCell;
  /** Trimmed text (a non-breaking space counts as a space). */
  text: string;
  /** The text exactly as the cell holds it (inner and outer spaces, U+00A0 kept). */
  raw: string;
}

/** Collects a sheet's rows as they stream by; `grid()` answers them in row order, merges applied. */
export class SheetGridBuilder {
  private readonly rows = new Map<number, GridRow>();
  private cells = 0;

  constructor(
    private readonly sheet: string,
    private readonly limits: SheetLimits,
  ) {}

  add(row: SheetRow): void {
    for (const [column, value] of row.cells) {
      const plain = plainCell(value);
      if (plain.kind === 'empty') continue;
      this.set(row.rowNo, column, { value: plain, text: plainText(plain), raw: rawText(value, plain) });
    }
  }

  grid(merges: readonly string[]): GridRow[] {
    for (const ref of merges) this.fillMerge(ref);
    return [...this.rows.values()].sort((a, b) => a.rowNo - b.rowNo);
  }

  private set(rowNo: number, column: number, cell: GridCell): void {
    let row = this.rows.get(rowNo);
    if (row === undefined) {
      row = { rowNo, cells: new Map() };
      this.rows.set(rowNo, row);
    }
    if (!row.cells.has(column)) this.cells += 1;
    row.cells.set(column, cell);
  }

  /** Every cell of the range takes the top-left cell's value. */
  private fillMerge(ref: string): void {
    const [from, to] = ref.split(':');
    if (from === undefined || to === undefined) return;
    const top = rowOfRef(from);
    const left = columnOfRef(from);
    const bottom = rowOfRef(to);
    const right = columnOfRef(to);
    if (top === null || left === null || bottom === null || right === null) return;
    const cell = this.rows.get(top)?.cells.get(left);
    if (cell === undefined) return;
    const added = (bottom - top + 1) * (right - left + 1) - 1;
    const { maxRows, maxColumns, maxCells } = this.limits;
    if (bottom > maxRows || right > maxColumns || this.cells + added > maxCells) {
      throw new WorkbookRefusedError(
        `工作表「${this.sheet}」的合并区域 ${ref} 超出上限（每表 ${formatCount(maxRows)} 行、` +
          `${formatCount(maxColumns)} 列、${formatCount(maxCells)} 个单元格）`,
        this.sheet,
      );
    }
    for (let rowNo = top; rowNo <= bottom; rowNo += 1) {
      for (let column: number = left; column <= right; column += 1) {
        if (rowNo !== top || column !== left) this.set(rowNo, column, cell);
      }
    }
  }
}

/** The first column whose text is `label` (spaces ignored), or null. */
export function columnOf(row: GridRow, label: string): number | null {
  for (const [column, cell] of row.cells) if (cell.text.replace(/\s+/g, '') === label) return column;
  return null;
}

/** The cell's trimmed text, '' for an empty cell. */
export function textAt(row: GridRow, column: number): string {
  return row.cells.get(column)?.text ?? '';
}

/** The row's one distinct text when all its cells say the same (a merged title), else null. */
export function titleOf(row: GridRow): string | null {
  const distinct = new Set([...row.cells.values()].map((cell) => cell.text.replace(/\s+/g, '')));
  return distinct.size === 1 ? ([...distinct][0] ?? null) : null;
}

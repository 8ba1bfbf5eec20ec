// Reading an .xlsx without trusting it (docs/threat-model.md, hostile workbooks): the zip directory is
// checked before anything is inflated, inflation stops at the declared sizes, and sheets stream row by
// row under the sheet limits. Memory stays proportional to what the caller keeps of the rows.
import { readWorkbookParts, type SheetInfo, type WorkbookParts } from './xlsx-parts.js';
import { readSheet, type SheetContent, type SheetRow } from './xlsx-sheet-reader.js';
import { ZipArchive } from './zip-archive.js';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from './workbook-limits.js';

export type { SheetInfo } from './xlsx-parts.js';
export type { SheetCellValue, SheetContent, SheetRow } from './xlsx-sheet-reader.js';

export class XlsxReader {
  private constructor(
    private readonly zip: ZipArchive,
    private readonly parts: WorkbookParts,
    private readonly limits: WorkbookLimits,
  ) {}

  /** Opens and checks the file; a WorkbookRefusedError says which limit it breaks. */
  static async open(path: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): Promise<XlsxReader> {
    const zip = await ZipArchive.open(path, limits.zip);
    return new XlsxReader(zip, await readWorkbookParts(zip, limits.sheet), limits);
  }

  /** Worksheets in tab order. */
  get sheets(): readonly SheetInfo[] {
    return this.parts.sheets;
  }

  /** The workbook counts dates from 1904 (Excel for Mac, some WPS files). */
  get date1904(): boolean {
    return this.parts.date1904;
  }

  /** Streams the sheet's rows that hold a value, in file order. */
  readSheet(sheet: SheetInfo, onRow: (row: SheetRow) => void): Promise<SheetContent> {
    return readSheet(this.zip, this.parts, sheet, this.limits.sheet, onRow);
  }
}

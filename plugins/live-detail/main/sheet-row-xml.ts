// Data rows of a big streamed sheet written as SpreadsheetML text straight into exceljs's sheet stream.
// exceljs builds a Row, a Cell per value and an XML node tree per cell before it writes a row: for a
// 100,000-viewer export that is most of the time. The header rows still go through exceljs; only the
// plain rows below them (text, numbers, dates of one style) take this path. It relies on two members of
// exceljs's streaming writer that its typings leave out (`WorksheetWriter.stream`, `WorkbookWriter.styles`),
// present in the exact version package.json pins; a version without them fails loudly, never silently.
import type ExcelJS from 'exceljs';

export type PlainCell = string | number | Date;

/** The PassThrough archiver reads the sheet's entry from (readable-stream 2's writable state). */
interface EntryPipe {
  _writableState?: { length: number };
}
interface StreamedSheet {
  stream: { write(text: string): unknown; pipes?: EntryPipe[] };
}
interface StyledWorkbook {
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType: number): number };
}

const EXCEL_EPOCH_DAYS = 25_569;
const DAY_MS = 86_400_000;
// Characters XML 1.0 does not allow in text, and the ones it wants escaped.
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const ESCAPED = /[&<>"]/g;
/** Text Excel would trim or fold without xml:space="preserve": white space at an end, tabs, line breaks. */
const EDGE_SPACE = /^\s|\s$|[\t\n\r]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function columnLetters(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    let letters = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return letters;
  });
}

// Either of the above: most texts have none and go out as they are (one scan instead of two replaces).
// eslint-disable-next-line no-control-regex -- the same control characters as INVALID_XML
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(ESCAPED, (char) => ENTITIES[char] ?? char);
}

/**
 * Writes rows after the last row exceljs committed on `sheet` (exceljs must add none after them, its row
 * count does not know these); dates carry `dateStyle`.
 */
export class SheetRowXml {
  private readonly letters: string[];
  private readonly dateStyleId: number;
  private readonly stream: StreamedSheet['stream'];
  private pending: string[] = [];

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    sheet: ExcelJS.Worksheet,
    columns: number,
    dateStyle: Partial<ExcelJS.Style>,
    private nextRow: number,
  ) {
    const { styles } = workbook as unknown as StyledWorkbook;
    const { stream } = sheet as unknown as StreamedSheet;
    if (
      typeof styles?.addStyleModel !== 'function' ||
      typeof stream?.write !== 'function' ||
      !Array.isArray(stream.pipes)
    ) {
      throw new Error(
        'exceljs streaming writer internals changed: see plugins/live-detail/main/sheet-row-xml.ts',
      );
    }
    this.letters = columnLetters(columns);
    // exceljs's ValueType.Date is 4; the same style object always maps to the same id.
    this.dateStyleId = styles.addStyleModel(dateStyle, 4);
    this.stream = stream;
  }

  add(values: readonly PlainCell[]): void {
    const r = this.nextRow;
    this.nextRow += 1;
    let xml = `<row r="${r}">`;
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index];
      const ref = `${this.letters[index] ?? ''}${r}`;
      if (typeof value === 'number') xml += `<c r="${ref}"><v>${value}</v></c>`;
      else if (value instanceof Date) {
        xml += `<c r="${ref}" s="${this.dateStyleId}"><v>${EXCEL_EPOCH_DAYS + value.getTime() / DAY_MS}</v></c>`;
      } else if (value !== undefined && value !== '') {
        // xml:space only where Excel would otherwise trim: about a fifth of the sheet's bytes otherwise.
        const space = EDGE_SPACE.test(value) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
      }
    }
    this.pending.push(`${xml}</row>`);
    if (this.pending.length >= 500) this.flush();
  }

  /** Hands the buffered rows to the sheet's stream (call before committing the sheet). */
  flush(): void {
    if (this.pending.length === 0) return;
    this.stream.write(this.pending.join(''));
    this.pending = [];
  }

  /**
   * Waits while the zip has more than `maxQueuedBytes` of this sheet queued ahead of its deflate.
   * exceljs's sheet stream ignores backpressure, so without this a 100,000-row sheet piled up about 90 MB
   * of XML. Polled (a timer, not 'drain', which only comes once the queue is empty) so the deflate always
   * has work while the next rows are built. A sheet whose entry the zip has not reached yet (an earlier
   * sheet still compressing) waits for it too: that earlier sheet is committed, so the zip gets there.
   */
  async drained(maxQueuedBytes: number): Promise<void> {
    const state = this.stream.pipes?.[0]?._writableState;
    while (state !== undefined && state.length > maxQueuedBytes) {
      await new Promise((resume) => setTimeout(resume, 2));
    }
  }
}

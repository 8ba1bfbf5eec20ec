// A PNG placed on a worksheet, for exceljs's in-memory Workbook and for its streaming WorkbookWriter.
// exceljs 4.4.0's streaming writer stores images (workbook.addImage) but its sheets cannot show one: it
// writes no drawing part (exceljs issues #322, #2918; the pull request adding it, #2201, is unmerged). For a streamed sheet this file writes the three pieces Excel needs (the
// sheet's <drawing> element and relationship, xl/drawings/drawingN.xml with its rels, the drawing's
// content type) through members of the writer its typings leave out, present in the exact version
// package.json pins; a version without them fails loudly, never silently (as sheet-row-xml.ts does).
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';

/** Where an image's top-left corner sits: 1-based, as `worksheet.getCell(row, col)`. */
export interface ChartAnchor {
  row: number;
  col: number;
}

/** The image's size in the sheet, CSS pixels (a default row is 20 px high, a default column 64 px). */
export interface ChartImageSize {
  width: number;
  height: number;
}

/** Height of an Excel row at the default 15 pt, in pixels. */
export const DEFAULT_ROW_PX = 20;

/** How many default-height rows an image of `heightPx` covers (for laying out what comes below it). */
export function rowsCovered(heightPx: number): number {
  return Math.ceil(heightPx / DEFAULT_ROW_PX);
}

type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Adds `png` to the workbook and shows it on `worksheet` at `anchor`, `size` pixels large (oneCell:
 * moves with its cell, keeps its size). On a streamed sheet call it before the sheet's commit().
 */
export function placeChartImage(
  workbook: AnyWorkbook,
  worksheet: ExcelJS.Worksheet,
  image: Uint8Array,
  anchor: ChartAnchor & ChartImageSize & { title?: string },
): void {
  // A Buffer that crossed threads (structured clone) arrives as a Uint8Array.
  const png = Buffer.isBuffer(image) ? image : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (!Number.isInteger(anchor.row) || !Number.isInteger(anchor.col) || anchor.row < 1 || anchor.col < 1) {
    throw new Error(`图表位置不对：第 ${anchor.row} 行第 ${anchor.col} 列（行列从 1 开始）。`);
  }
  if (workbook instanceof ExcelJS.stream.xlsx.WorkbookWriter) {
    placeStreamed(workbook, worksheet, png, anchor);
    return;
  }
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  // A two-cell anchor: exceljs writes its one-cell anchors with an editAs attribute the schema gives
  // only two-cell ones (exceljs issue #2777), and openpyxl (pandas' reader) then drops every picture of
  // the sheet.
  worksheet.addImage(imageId, {
    tl: { nativeCol: anchor.col - 1, nativeColOff: 0, nativeRow: anchor.row - 1, nativeRowOff: 0 },
    br: bottomRight(worksheet, anchor),
    editAs: 'oneCell',
  } as unknown as ExcelJS.ImageRange & { editAs: string });
}

/** Excel's pixel width of a column `chars` wide (Calibri 11: 7 px per digit plus 5 px of padding). */
function columnPx(chars: number): number {
  return Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
}

const DEFAULT_COLUMN_CHARS = 8.43;

/** The cell and offset (EMU) where an image of the anchor's size ends, by the sheet's widths now. */
function bottomRight(worksheet: ExcelJS.Worksheet, anchor: ChartAnchor & ChartImageSize): ExcelJS.Anchor {
  let col = anchor.col;
  let width = anchor.width;
  for (let px = columnPx(worksheet.getColumn(col).width ?? DEFAULT_COLUMN_CHARS); width >= px;) {
    width -= px;
    col += 1;
    px = columnPx(worksheet.getColumn(col).width ?? DEFAULT_COLUMN_CHARS);
  }
  let row = anchor.row;
  let height = anchor.height;
  const rowPx = (at: number): number => {
    // findRow: getRow would create the rows below, and the sheet's next addRow would land after them.
    const points = worksheet.findRow(at)?.height;
    return points === undefined || points === 0 ? DEFAULT_ROW_PX : Math.round((points * 4) / 3);
  };
  for (let px = rowPx(row); height >= px; px = rowPx(row)) {
    height -= px;
    row += 1;
  }
  return {
    nativeCol: col - 1,
    nativeColOff: Math.round(width * EMU_PER_PX),
    nativeRow: row - 1,
    nativeRowOff: Math.round(height * EMU_PER_PX),
  } as ExcelJS.Anchor;
}

// ---- the streaming writer ---------------------------------------------------------------------------

interface Zip {
  append(data: string | Buffer, options: { name: string }): unknown;
}
interface StreamedBook {
  zip: Zip;
  media: Array<{ name: string }>;
  addImage(image: { buffer: Buffer; extension: 'png' }): number;
  addContentTypes(): Promise<void>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
}
interface StreamedSheet {
  id: number;
  committed?: boolean;
  stream: { write(text: string): unknown };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeLegacyData(): void;
}
interface ContentTypesXformClass {
  new (): { toXml(model: Record<string, unknown>): string };
}

interface DrawnImage {
  media: string;
  anchor: ChartAnchor & ChartImageSize & { title?: string };
}

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const EMU_PER_PX = 9525;
const drawingsOfBook = new WeakMap<object, string[]>();
const imagesOfSheet = new WeakMap<object, DrawnImage[]>();

function internalsChanged(): Error {
  return new Error('exceljs streaming writer internals changed: see sdk/main/charts/place-image.ts');
}

function attribute(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function placeStreamed(
  writer: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  png: Buffer,
  anchor: DrawnImage['anchor'],
): void {
  const book = writer as unknown as StreamedBook;
  const sheet = worksheet as unknown as StreamedSheet;
  if (
    typeof book.zip?.append !== 'function' ||
    typeof book.addContentTypes !== 'function' ||
    !Array.isArray(book.media) ||
    typeof sheet._sheetRelsWriter?.addRelationship !== 'function' ||
    typeof sheet._writeLegacyData !== 'function'
  ) {
    throw internalsChanged();
  }
  if (sheet.committed === true) throw new Error('图表须在工作表提交（commit）之前放入。');
  const imageId = book.addImage({ buffer: png, extension: 'png' });
  const media = book.media[imageId]?.name;
  if (media === undefined) throw internalsChanged();
  let images = imagesOfSheet.get(sheet);
  if (images === undefined) {
    images = [];
    imagesOfSheet.set(sheet, images);
    drawOnCommit(book, sheet, images);
  }
  images.push({ media, anchor });
}

/** At the sheet's commit: its <drawing> element (where the schema wants it) and the drawing part. */
function drawOnCommit(book: StreamedBook, sheet: StreamedSheet, images: DrawnImage[]): void {
  const name = `drawing${sheet.id}`;
  let drawings = drawingsOfBook.get(book);
  if (drawings === undefined) {
    drawings = [];
    drawingsOfBook.set(book, drawings);
    listDrawingsInContentTypes(book, drawings);
  }
  drawings.push(name);
  const writeLegacyData = sheet._writeLegacyData.bind(sheet);
  // exceljs's commit writes, in order, ... headerFooter, rowBreaks, then legacyDrawing (comments): the
  // <drawing> element belongs right before that one.
  sheet._writeLegacyData = () => {
    const rId = sheet._sheetRelsWriter.addRelationship({
      Type: DRAWING_REL,
      Target: `../drawings/${name}.xml`,
    });
    sheet.stream.write(`<drawing r:id="${rId}"/>`);
    book.zip.append(drawingXml(images), { name: `xl/drawings/${name}.xml` });
    book.zip.append(drawingRelsXml(images), { name: `xl/drawings/_rels/${name}.xml.rels` });
    writeLegacyData();
  };
}

function listDrawingsInContentTypes(book: StreamedBook, drawings: readonly string[]): void {
  const require = createRequire(import.meta.url);
  const ContentTypesXform =
    require('exceljs/lib/xlsx/xform/core/content-types-xform.js') as ContentTypesXformClass;
  // The writer's own addContentTypes with one more field its model already knows: drawings.
  book.addContentTypes = () => {
    const xml = new ContentTypesXform().toXml({
      worksheets: book._worksheets.filter(Boolean),
      sharedStrings: book.sharedStrings,
      commentRefs: book.commentRefs,
      media: book.media,
      drawings: drawings.map((name) => ({ name })),
    });
    book.zip.append(xml, { name: '[Content_Types].xml' });
    return Promise.resolve();
  };
}

function drawingXml(images: readonly DrawnImage[]): string {
  const anchors = images.map(({ anchor }, index) => {
    const cx = Math.round(anchor.width * EMU_PER_PX);
    const cy = Math.round(anchor.height * EMU_PER_PX);
    return (
      // No editAs: the schema has it on two-cell anchors only, and openpyxl refuses it here.
      '<xdr:oneCellAnchor>' +
      `<xdr:from><xdr:col>${anchor.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
      `<xdr:row>${anchor.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/>` +
      '<xdr:pic><xdr:nvPicPr>' +
      `<xdr:cNvPr id="${index + 2}" name="图表 ${index + 1}" descr="${attribute(anchor.title ?? '')}"/>` +
      '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
      `<xdr:blipFill><a:blip r:embed="rId${index + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>' +
      '<xdr:clientData/></xdr:oneCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"' +
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"' +
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${anchors.join('')}</xdr:wsDr>`
  );
}

function drawingRelsXml(images: readonly DrawnImage[]): string {
  const rels = images.map(
    ({ media }, index) =>
      `<Relationship Id="rId${index + 1}" Type="${IMAGE_REL}" Target="../media/${media}"/>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `${rels.join('')}</Relationships>`
  );
}

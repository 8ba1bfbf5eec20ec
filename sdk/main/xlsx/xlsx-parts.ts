// The workbook-level parts of an .xlsx: the sheet list (workbook.xml and its relationships), the date
// system, the shared-string table and which cell styles are dates (styles.xml).
import { posix } from 'node:path';
import { parseXml } from './xml-events.js';
import type { ZipArchive } from './zip-archive.js';
import { formatCount, WorkbookRefusedError, type SheetLimits } from './workbook-limits.js';

export interface SheetInfo {
  name: string;
  /** The part inside the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** visible, hidden or veryHidden. */
  state: string;
}

/** Rich text keeps its runs so a label can be read exactly as written. */
export type SharedString = string | { richText: Array<{ text: string }> };

export interface WorkbookParts {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: SharedString[];
  /** Index into cellXfs → whether that style shows a date. */
  dateStyles: boolean[];
}

const RELS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function readWorkbookParts(zip: ZipArchive, limits: SheetLimits): Promise<WorkbookParts> {
  const book = await readBook(zip);
  const rels = await readRels(zip, 'xl/_rels/workbook.xml.rels');
  const target = (type: string, fallback: string): string => {
    const found = [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`));
    return found === undefined ? fallback : found.part;
  };
  const sheets: SheetInfo[] = [];
  for (const sheet of book.sheets) {
    const rel = rels.get(sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (rel === undefined || !rel.type.endsWith('/worksheet')) continue;
    sheets.push({ name: sheet.name, part: rel.part, state: sheet.state });
  }
  return {
    sheets,
    date1904: book.date1904,
    sharedStrings: await readSharedStrings(zip, target('sharedStrings', 'xl/sharedStrings.xml'), limits),
    dateStyles: await readDateStyles(zip, target('styles', 'xl/styles.xml')),
  };
}

async function readBook(
  zip: ZipArchive,
): Promise<{ date1904: boolean; sheets: Array<{ name: string; relId: string; state: string }> }> {
  const entry = zip.find('xl/workbook.xml');
  if (entry === undefined)
    throw new WorkbookRefusedError('文件中没有 xl/workbook.xml：不是 Excel 工作簿（.xlsx）');
  let date1904 = false;
  const sheets: Array<{ name: string; relId: string; state: string }> = [];
  await parseXml(await zip.stream(entry), entry.name, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = attributes['date1904'];
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const relKey = Object.keys(attributes).find((key) => key === 'id' || key.endsWith(':id'));
        sheets.push({
          name: attributes['name'] ?? '',
          relId: relKey === undefined ? '' : (attributes[relKey] ?? ''),
          state: attributes['state'] ?? 'visible',
        });
      }
    },
  });
  return { date1904, sheets };
}

async function readRels(zip: ZipArchive, part: string): Promise<Map<string, { type: string; part: string }>> {
  const rels = new Map<string, { type: string; part: string }>();
  const entry = zip.find(part);
  if (entry === undefined) return rels;
  const base = posix.dirname(posix.dirname(part));
  await parseXml(await zip.stream(entry), entry.name, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes['TargetMode'] === 'External') return;
      const target = attributes['Target'] ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
      rels.set(attributes['Id'] ?? '', { type: attributes['Type'] ?? RELS_TYPE, part: resolved });
    },
  });
  return rels;
}

async function readSharedStrings(
  zip: ZipArchive,
  part: string,
  limits: SheetLimits,
): Promise<SharedString[]> {
  const entry = zip.find(part);
  const strings: SharedString[] = [];
  if (entry === undefined) return strings;
  let runs: Array<{ text: string }> = [];
  let plain = '';
  let inRun = false;
  let inText = false;
  // Phonetic guides (<rPh>) are not part of the text.
  let inPhonetic = false;
  await parseXml(await zip.stream(entry), entry.name, {
    open(name) {
      if (name === 'si') {
        runs = [];
        plain = '';
      } else if (name === 'r') {
        inRun = true;
        runs.push({ text: '' });
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    },
    text(text) {
      if (!inText) return;
      const run = runs[runs.length - 1];
      if (inRun && run !== undefined) run.text += text;
      else plain += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'r') inRun = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) {
          throw new WorkbookRefusedError(
            `工作簿的共享字符串超过上限 ${formatCount(limits.maxSharedStrings)} 个`,
          );
        }
        strings.push(runs.length > 0 ? { richText: runs } : plain);
      }
    },
  });
  return strings;
}

// Built-in number formats that show dates or times (including the CJK ones Excel and WPS use in zh-CN).
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

async function readDateStyles(zip: ZipArchive, part: string): Promise<boolean[]> {
  const entry = zip.find(part);
  if (entry === undefined) return [];
  const custom = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  await parseXml(await zip.stream(entry), entry.name, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes['numFmtId']), attributes['formatCode'] ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(Number(attributes['numFmtId'] ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code);
  });
}

/** A format code that shows a date or time: y m d h s outside quotes, brackets and escapes. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

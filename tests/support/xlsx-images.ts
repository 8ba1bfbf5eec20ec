// What a written .xlsx holds in pictures, read three ways: the zip's parts, exceljs, and (where Debian's
// python3-openpyxl is installed, as .ci/run does) openpyxl, the reader pandas uses.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ZipPictures {
  media: string[];
  /** Worksheet part → the drawing parts its relationships name. */
  drawingsBySheet: Map<string, string[]>;
  contentTypes: string;
}

export async function zipPictures(path: string): Promise<ZipPictures> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files);
  const drawingsBySheet = new Map<string, string[]>();
  for (const name of names) {
    const match = /^xl\/worksheets\/_rels\/(sheet\d+\.xml)\.rels$/.exec(name);
    if (match === null) continue;
    const rels = (await zip.file(name)?.async('string')) ?? '';
    const drawings = [...rels.matchAll(/Target="\.\.\/drawings\/([^"]+)"/g)].map((found) => found[1] ?? '');
    drawingsBySheet.set(`xl/worksheets/${match[1] ?? ''}`, drawings);
  }
  return {
    media: names.filter((name) => name.startsWith('xl/media/') && name.endsWith('.png')).sort(),
    drawingsBySheet,
    contentTypes: (await zip.file('[Content_Types].xml')?.async('string')) ?? '',
  };
}

/** Each picture on the sheet as exceljs reads it back: its top-left cell (1-based) and PNG bytes. */
export async function exceljsPictures(
  path: string,
  sheetName: string,
): Promise<Array<{ row: number; col: number; png: Buffer }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  return sheet.getImages().map((image) => ({
    row: Math.round(image.range.tl.nativeRow) + 1,
    col: Math.round(image.range.tl.nativeCol) + 1,
    // exceljs types its Buffer loosely; it is a Node Buffer.
    png: Buffer.from(workbook.getImage(Number(image.imageId)).buffer as unknown as Uint8Array),
  }));
}

const OPENPYXL = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps([[img.anchor._from.row + 1, img.anchor._from.col + 1] for img in ws._images]))
`;

/** The pictures' top-left cells as openpyxl reads them, or null where no python has openpyxl. */
export function openpyxlPictures(path: string, sheetName: string): Array<[number, number]> | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import openpyxl, PIL'], { encoding: 'utf8' });
    if (probe.status !== 0) continue;
    const run = spawnSync(python, ['-c', OPENPYXL, path, sheetName], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openpyxl could not open ${path}: ${run.stderr}`);
    return JSON.parse(run.stdout) as Array<[number, number]>;
  }
  return null;
}

/** The PNG's declared width and height (its IHDR chunk). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

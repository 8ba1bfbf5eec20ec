// The central directory of a zip (an .xlsx is one), read with node:fs alone: names, methods and sizes
// of every entry, before a byte is inflated. ZIP64 and multi-disk archives are refused: a workbook within
// the limits never needs them.
import type { FileHandle } from 'node:fs/promises';
import { WorkbookRefusedError } from './workbook-limits.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_SIZE = 46;

/** A refusal for a file that is no readable zip at all. */
export function corruptZip(detail: string): WorkbookRefusedError {
  return new WorkbookRefusedError(`文件不是有效的 Excel 工作簿（${detail}），可能已损坏：请重新导出后再试`);
}

/** The end record's figures: how many entries and where the directory lies. */
export interface ZipEnd {
  entries: number;
  directoryOffset: number;
  directorySize: number;
}

export async function readZipEnd(handle: FileHandle, fileSize: number): Promise<ZipEnd> {
  const tailSize = Math.min(fileSize, END_SIZE + MAX_COMMENT);
  const tail = Buffer.alloc(tailSize);
  await handle.read(tail, 0, tailSize, fileSize - tailSize);
  for (let at = tailSize - END_SIZE; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== END_SIGNATURE) continue;
    const disk = tail.readUInt16LE(at + 4);
    const directoryDisk = tail.readUInt16LE(at + 6);
    const entriesHere = tail.readUInt16LE(at + 8);
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new WorkbookRefusedError('工作簿使用了 ZIP64 格式（超过 4 GB 或 65,535 个文件），无法导入');
    }
    if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries) throw corruptZip('分卷压缩文件');
    const endOffset = fileSize - tailSize + at;
    if (directoryOffset + directorySize > endOffset) throw corruptZip('目录位置不正确');
    return { entries, directoryOffset, directorySize };
  }
  throw corruptZip('找不到压缩目录');
}

/** Every entry of the directory the end record points to. */
export async function readZipEntries(handle: FileHandle, end: ZipEnd): Promise<ZipEntry[]> {
  const directory = Buffer.alloc(end.directorySize);
  await handle.read(directory, 0, end.directorySize, end.directoryOffset);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.entries; index += 1) {
    if (at + CENTRAL_SIZE > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw corruptZip('压缩目录不完整');
    }
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const compressedSize = directory.readUInt32LE(at + 20);
    const uncompressedSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localHeaderOffset = directory.readUInt32LE(at + 42);
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      throw new WorkbookRefusedError('工作簿使用了 ZIP64 格式（超过 4 GB 或 65,535 个文件），无法导入');
    }
    const nameStart = at + CENTRAL_SIZE;
    if (nameStart + nameLength > directory.length) throw corruptZip('压缩目录不完整');
    // Bit 11: UTF-8 names; older writers use the DOS code page, but xlsx part names are ASCII.
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', nameStart, nameStart + nameLength);
    if (localHeaderOffset + compressedSize > end.directoryOffset) throw corruptZip(`「${name}」超出文件范围`);
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

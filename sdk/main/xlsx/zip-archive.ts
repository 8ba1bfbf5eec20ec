// An .xlsx opened for reading: the central directory checked against the limits before any entry is
// inflated, then entries streamed through a counter that stops at the size the directory declared, so
// headers that lie cannot make us inflate more than the checked total.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { corruptZip, readZipEnd, readZipEntries, type ZipEntry } from './zip-directory.js';
import { formatBytes, formatCount, WorkbookRefusedError, type ZipLimits } from './workbook-limits.js';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
// Large chunks: zlib's default 16 KB output chunks cost a callback, a stream hop and a parser write
// each, which dominated reading a 50,000-row workbook.
const CHUNK_BYTES = 256 * 1024;

export class ZipArchive {
  private readonly byName: Map<string, ZipEntry>;

  private constructor(
    private readonly path: string,
    readonly entries: readonly ZipEntry[],
  ) {
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
  }

  /** Reads and checks the directory; refuses (WorkbookRefusedError) what breaks a limit. */
  static async open(path: string, limits: ZipLimits): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const end = await readZipEnd(handle, size);
      if (end.entries > limits.maxEntries) {
        throw new WorkbookRefusedError(
          `工作簿内含 ${formatCount(end.entries)} 个文件，超过上限 ${formatCount(limits.maxEntries)} 个`,
        );
      }
      const entries = await readZipEntries(handle, end);
      checkSizes(entries, limits);
      return new ZipArchive(path, entries);
    } finally {
      await handle.close();
    }
  }

  /** The entry of that name (exact, else ignoring case: some writers differ in case), or undefined. */
  find(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    return this.entries.find((entry) => entry.name.toLowerCase() === lower);
  }

  /** The entry's inflated bytes; the stream fails once they exceed the declared size. */
  async stream(entry: ZipEntry): Promise<Readable> {
    if (entry.flags & 0x1) throw new WorkbookRefusedError('工作簿已加密，无法读取：请取消密码后重新导出');
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw corruptZip(`「${entry.name}」使用了不支持的压缩方式 ${entry.method}`);
    }
    const dataStart = await this.dataOffset(entry);
    const raw = createReadStream(this.path, {
      start: dataStart,
      end: dataStart + entry.compressedSize - 1,
      highWaterMark: CHUNK_BYTES,
    });
    const capped = new SizeCap(entry);
    const fail = (error: Error): void => {
      capped.destroy(error);
    };
    raw.on('error', fail);
    if (entry.compressedSize === 0) {
      raw.destroy();
      capped.end();
      return capped;
    }
    if (entry.method === STORED) return raw.pipe(capped);
    const inflate = createInflateRaw({ chunkSize: CHUNK_BYTES });
    inflate.on('error', () => fail(corruptZip(`「${entry.name}」的压缩数据已损坏`)));
    // When the cap stops reading, the inflater and the file stop too.
    capped.on('close', () => {
      raw.destroy();
      inflate.destroy();
    });
    return raw.pipe(inflate).pipe(capped);
  }

  /** Where the entry's data begins: after its local header, whose name and extra lengths may differ. */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    const handle = await open(this.path, 'r');
    try {
      const header = Buffer.alloc(LOCAL_SIZE);
      const { bytesRead } = await handle.read(header, 0, LOCAL_SIZE, entry.localHeaderOffset);
      if (bytesRead < LOCAL_SIZE || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
        throw corruptZip(`「${entry.name}」的文件头不正确`);
      }
      return entry.localHeaderOffset + LOCAL_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await handle.close();
    }
  }
}

/** The directory's declared sizes against the limits: one entry, all together, and the ratio. */
function checkSizes(entries: readonly ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new WorkbookRefusedError(
        `工作簿中的「${entry.name}」解压后有 ${formatBytes(entry.uncompressedSize)}，` +
          `超过单个部件的上限 ${formatBytes(limits.maxEntryBytes)}`,
      );
    }
    if (entry.uncompressedSize >= limits.ratioFloorBytes) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxRatio) {
        throw new WorkbookRefusedError(
          `工作簿中的「${entry.name}」压缩比为 ${Math.round(ratio)}:1（${formatBytes(entry.compressedSize)} ` +
            `解压为 ${formatBytes(entry.uncompressedSize)}），超过上限 ${limits.maxRatio}:1，疑似压缩炸弹`,
        );
      }
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    throw new WorkbookRefusedError(
      `工作簿解压后共 ${formatBytes(total)}，超过上限 ${formatBytes(limits.maxTotalBytes)}`,
    );
  }
}

/** Passes bytes on until more arrive than the directory declared for the entry. */
class SizeCap extends Transform {
  private seen = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.entry.uncompressedSize) {
      done(
        new WorkbookRefusedError(
          `工作簿中的「${this.entry.name}」实际解压超过其声明的 ${formatBytes(this.entry.uncompressedSize)}：` +
            '文件头与内容不符（已损坏或被篡改），已停止读取',
        ),
      );
      return;
    }
    done(null, chunk);
  }
}

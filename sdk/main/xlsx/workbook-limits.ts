// What a workbook may hold before it is refused (docs/threat-model.md, hostile workbooks): checked on the
// zip's central directory before anything is inflated, on every inflated byte, and on every sheet cell
// as it streams by, so a small hostile file is refused before it costs memory or minutes.

export interface ZipLimits {
  /** Files inside the zip. */
  maxEntries: number;
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, for entries of at least `ratioFloorBytes`. */
  maxRatio: number;
  /** Small parts (styles, a short sheet) compress extremely well and harmlessly. */
  ratioFloorBytes: number;
}

export interface SheetLimits {
  /** Highest row number holding a cell. */
  maxRows: number;
  /** Highest column number of a cell. */
  maxColumns: number;
  /** Cells (`<c>` elements, empty or not) of one sheet. */
  maxCells: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
}

export interface WorkbookLimits {
  zip: ZipLimits;
  sheet: SheetLimits;
}

const MB = 1024 * 1024;

/** Generous for real exports (a 10 × 5,000-row check-in workbook is ~1 MB on disk, ~15 MB inflated). */
export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  zip: {
    maxEntries: 10_000,
    maxEntryBytes: 100 * MB,
    maxTotalBytes: 200 * MB,
    maxRatio: 200,
    ratioFloorBytes: 1 * MB,
  },
  sheet: {
    maxRows: 200_000,
    maxColumns: 200,
    maxCells: 2_000_000,
    maxSharedStrings: 2_000_000,
  },
};

/** Limits with some figures replaced (specs, callers with stricter needs). */
export function workbookLimits(overrides?: {
  zip?: Partial<ZipLimits>;
  sheet?: Partial<SheetLimits>;
}): WorkbookLimits {
  return {
    zip: { ...DEFAULT_WORKBOOK_LIMITS.zip, ...overrides?.zip },
    sheet: { ...DEFAULT_WORKBOOK_LIMITS.sheet, ...overrides?.sheet },
  };
}

/**
 * A workbook refused for what it is, not for a bug: the message (Chinese) names the limit and the
 * file's figure; `sheet` names the worksheet when one sheet is at fault.
 */
export class WorkbookRefusedError extends Error {
  constructor(
    message: string,
    readonly sheet: string | null = null,
  ) {
    super(message);
    this.name = 'WorkbookRefusedError';
  }
}

export function isWorkbookRefused(error: unknown): error is WorkbookRefusedError {
  return error instanceof WorkbookRefusedError;
}

/** 1.5 MB, 200 MB, 812 KB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** 12,345 → 12,345 (thousands separated, as the limits read in the manual). */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

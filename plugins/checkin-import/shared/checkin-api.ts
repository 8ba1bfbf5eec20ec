// What the checkin-import channels answer (docs/architecture.md "RPC and errors"): shared by the main side and the page.
import type { z } from 'zod';
import type { ViewerKind } from '../../../sdk/contracts/lives.js';
import type { RowsSchema } from './input-schemas.js';

/** Where a member label says the person comes from: `@微信`, `@<企业名>`, or no suffix. */
export type MemberOrigin = 'wechat' | 'corp' | 'none';

/** One problem of a workbook: which sheet and row (1-based as Excel shows it; null for the whole sheet). */
export interface WorkbookIssue {
  sheet: string | null;
  row: number | null;
  message: string;
}

export interface CandidateViewer {
  kind: ViewerKind;
  viewerId: string;
  name: string;
}

/** One 已签到成员 row and what matching made of it. */
export interface MemberPreview {
  row: number;
  /** The cell as written, e.g. `黍离。@微信`. */
  raw: string;
  name: string;
  /** The text after `@` (微信, an enterprise's name), null without one. */
  suffix: string | null;
  origin: MemberOrigin;
  /** 所在部门; empty for `-`. */
  department: string;
  state: 'matched' | 'ambiguous' | 'unmatched';
  /** The viewer it was matched to (state matched). */
  viewer: CandidateViewer | null;
  /** How: the exact name, or the name after normalising (trim, full/half width, case). */
  matchedBy: 'exact' | 'normalised' | null;
  /** Several viewers share the name (state ambiguous). */
  candidates: CandidateViewer[];
  /** Why it is not matched, in Chinese (ambiguous or unmatched). */
  reason: string | null;
}

/** A sheet that is not a check-in round and was left out (a 说明 or 汇总 sheet someone added). */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export interface RoundPreview {
  /** From the sheet's name (第三次签到 → 3); a round found by its content is numbered after them. */
  roundNo: number;
  /** 1-based tab position in the workbook: rounds are ordered by roundNo, whatever the tab order. */
  sheetIndex: number;
  sheet: string;
  /** 签到发起时间 as Unix seconds, read in the configured zone; and as the workbook wrote it. */
  startedAt: number;
  startedText: string;
  /** 已签到人数 as stated, and the member rows found: both are stored; a difference is a warning. */
  statedCount: number;
  rowsFound: number;
  /** Rows whose name appears more than once in this round (people who share a name, or repeats). */
  repeatedNames: number;
  /** What the user should look at before importing, in Chinese (never a refusal). */
  warnings: string[];
  /** This round's member rows by state; the rows themselves come from `checkin-import.rows`. */
  matched: number;
  ambiguous: number;
  unmatched: number;
}

/**
 * The result of the preview and import jobs: a summary only, small enough for every `jobs.get` poll.
 * A preview's member rows (50,000 in a big workbook) are kept by the job and read page by page through
 * `checkin-import.rows`; an import's are the live's check-in records.
 */
export interface CheckinImportResult {
  livingid: string;
  fileName: string;
  /** Whether this result was written (import) or only computed (preview). */
  imported: boolean;
  /** In round order. */
  rounds: RoundPreview[];
  skippedSheets: SkippedSheet[];
  /** Workbook-level remarks in Chinese (rounds reordered, rounds numbered by time). */
  notices: string[];
  /** Member rows over all rounds, by state. */
  matched: number;
  ambiguous: number;
  unmatched: number;
}

/** One member row as `checkin-import.rows` answers it: where it comes from, and what matching made of it. */
export interface MemberRow extends MemberPreview {
  roundNo: number;
  sheet: string;
}

/** `checkin-import.rows`: one page of a preview's member rows, in round and row order (as the host reads it). */
export type MemberRowsQuery = z.output<typeof RowsSchema>;

export interface MemberRowsPage {
  rows: MemberRow[];
  /** Rows that fit the filters, over every page. */
  total: number;
}

/** A live as `checkin-import.live` answers it (the picker itself is sdk/ui/live-picker.ts). */
export interface CheckinLiveOption {
  livingid: string;
  theme: string;
  /** Unix seconds: the actual start once known, else the reserved one. */
  start: number | null;
  status: number | null;
}

import type { LiveRecord, LiveSortField } from '../../../sdk/contracts/lives.js';

/** The filters `live-list.query` and `live-list.export` share (docs/architecture.md "RPC and errors"). Times are Unix seconds. */
export interface LiveListFilters {
  /** A member's userid: the lives this member anchors (get_user_all_livingid lists the same ones). */
  userid?: string;
  /** Matched in the theme, the livingid, the anchor's userid and name. */
  keyword?: string;
  /** Bounds on the start: the actual one once the live started, else the reserved one. */
  from?: number;
  to?: number;
  /** One live only (a row's 导出). */
  livingid?: string;
}

export interface LiveListQueryInput extends LiveListFilters {
  /** 1-based. */
  page: number;
  pageSize: number;
  sort?: { field: LiveSortField; direction: 'asc' | 'desc' };
}

export interface LiveListExportInput extends LiveListFilters {
  sort?: { field: LiveSortField; direction: 'asc' | 'desc' };
  /** Adds the sheet 统计分析. */
  withCharts?: boolean;
  /** IANA zone the dates are written in: the installation's (AppSession.timeZone()). */
  timeZone?: string;
}

/** One row of the list and of the export (R4.2). */
export interface LiveListRow extends LiveRecord {
  /** The start shown: actual once started, else reserved (Unix seconds; null when unknown). */
  start: number | null;
  /** start + duration of the same kind; null while the live is on (`living`). */
  end: number | null;
  /** 直播中: WeCom has reported no end yet, so none is shown. */
  living: boolean;
  /** Which times `start`/`end` are. */
  timeKind: 'actual' | 'reserved';
  /** Check-in rounds imported; 0 → 「未导入签到」. */
  checkinRounds: number;
  checkinPeople: number;
  checkinCount: number;
}

export interface LiveListPage {
  rows: LiveListRow[];
  total: number;
}

export interface JobStarted {
  jobId: string;
}

/** A sync job's result. */
export interface LiveSyncResult {
  userid: string;
  /** Lives WeCom listed for the member. */
  lives: number;
  /** Viewers merged over those lives. */
  viewers: number;
  /** Inviters named through user/get. */
  namedInviters: number;
  /** Lives that could not be read (the rest were stored). */
  failed: Array<{ livingid: string; message: string }>;
  /** Chinese notes for the person (e.g. a permission to grant). */
  notes: string[];
}

/** An export job's result: the workbook in exports/. */
export interface LiveExportResult {
  fileId: string;
  fileName: string;
  rows: number;
}

export interface LiveCancelResult {
  live: LiveRecord;
}

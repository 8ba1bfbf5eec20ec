import type { LiveRecord } from '../../../sdk/contracts/lives.js';

export type { LiveListFilters } from './input-schemas.js';

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

export type { LiveCancelResult } from '../../../sdk/contracts/live-list-channels.js';

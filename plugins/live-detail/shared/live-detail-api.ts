import type { z } from 'zod';
import type { CheckinRoundSummary, LiveRecord, PageOf, ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { GetDetailSchema, UnmatchedSchema } from './input-schemas.js';

/**
 * `live-detail.get` input (docs/architecture.md "RPC and errors"): `refresh` pulls the live's info and
 * watch stats from WeCom first (R5.1, the page's first load); `filters` are applied by the store.
 */
export type LiveDetailQuery = z.input<typeof GetDetailSchema>;

/** One slice of a chart: a label and how many viewers. */
export interface ChartPoint {
  label: string;
  value: number;
}

/** The viewer profile (R5.4) as plain series; the page draws them, the export writes them as tables. */
export interface LiveDetailCharts {
  /** 企业成员 / 微信用户 / 其他企业的企业微信用户. */
  audience: ChartPoint[];
  /** Watch-time buckets, shortest first. */
  watchTime: ChartPoint[];
  /** The ten inviters who brought most viewers (promotion lives only). */
  topInviters: ChartPoint[];
  /** Viewers checked in per round. */
  checkinRounds: ChartPoint[];
  /** 评论 / 连麦 / 观看 viewers. */
  engagement: ChartPoint[];
  viewers: number;
}

export interface LiveDetailAnswer {
  live: LiveRecord;
  viewers: PageOf<ViewerDetail>;
  rounds: CheckinRoundSummary[];
  /** Check-in rows kept without a viewer that fit the search (`live-detail.unmatched` pages them). */
  unmatchedCheckins: number;
  charts: LiveDetailCharts;
  /** WeCom provides inviters only for promotion lives (R4.6). */
  inviterSupported: boolean;
  /** What the refresh could not do, in Chinese (WeCom unreachable, a permission to grant). */
  notices: string[];
  /**
   * Members of this page invited by app message before the live ended: viewerId → when the first
   * invitation reached them (ms). Absent: not invited by message.
   */
  messageInvites?: Record<string, number>;
}

/** `live-detail.unmatched`: check-in rows no single viewer fits, in round and row order. */
export type UnmatchedCheckinsQuery = z.input<typeof UnmatchedSchema>;

export interface LiveDetailExportResult {
  fileId: string;
  fileName: string;
  rows: number;
}

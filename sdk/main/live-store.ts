import type {
  LiveCheckinTotals,
  LiveListQuery,
  LiveRecord,
  PageOf,
  ViewerKind,
  ViewerRecord,
} from '../contracts/lives.js';
import type {
  CheckinCandidate,
  CheckinResolutionInput,
  CheckinRoundInput,
  CheckinRowRef,
  LiveCheckins,
  UnmatchedCheckin,
  UnmatchedCheckinsQuery,
} from '../contracts/lives.js';
import type { LivingInfo, WatchStatPage } from '../wecom/models.js';

/** A live this app created through living/create (R3.2). */
export interface CreatedLive {
  livingid: string;
  anchorUserid: string;
  anchorName?: string | null;
  theme: string;
  /** Unix seconds, as sent. */
  livingStart: number;
  livingDuration: number;
  type: number;
  description?: string;
  remindTime?: number | null;
  creatorUserid: string;
}

/** A change made through living/modify before the live started (R3.3). */
export interface ModifiedLive {
  theme?: string;
  livingStart?: number;
  livingDuration?: number;
  type?: number;
  description?: string;
  remindTime?: number | null;
  anchorName?: string | null;
}

export interface MergeStatsResult {
  viewers: number;
  /**
   * Inviters still without a name after rules 0–4 of sdk/contracts/inviter-naming.ts: user/get (rule 5,
   * sdk/main/inviter-naming.ts) may name them.
   */
  unnamedInviters: Array<{ kind: ViewerKind; id: string }>;
}

/** One live as a sync pulled it: get_living_info's `living_info` and, once it started, every stats page. */
export interface PulledLiveData {
  livingid: string;
  info: LivingInfo;
  /** Every get_watch_stat page (up to `ending` = 1), or null for a live that has not started. */
  pages: readonly WatchStatPage[] | null;
}

/**
 * The host-owned live store (docs/architecture.md "Live store"), offered to plugins as `ctx.liveStore`. Everything is
 * scoped by the internal corpId; every merge is an upsert in one transaction per live, so pulling the
 * same data twice changes nothing but the sync times.
 */
export interface LiveStore extends LiveStoreCheckins {
  /** Stores a live created here (created-by-us, creator, anchor name, the reserved times as sent). */
  recordCreated(corpId: string, live: CreatedLive): Promise<LiveRecord>;
  /** Applies a successful living/modify to the stored live. NOT_FOUND when it is not stored. */
  recordModified(corpId: string, livingid: string, change: ModifiedLive): Promise<LiveRecord>;
  /** Merges get_living_info's `living_info`: reserved and actual times kept apart. */
  mergeLivingInfo(corpId: string, livingid: string, info: LivingInfo): Promise<LiveRecord>;
  /** Merges every page of get_watch_stat (all pages up to `ending` = 1) into the live's viewers. */
  mergeWatchStats(
    corpId: string,
    livingid: string,
    pages: readonly WatchStatPage[],
  ): Promise<MergeStatsResult>;
  /**
   * mergeLivingInfo and (where `pages` is not null) mergeWatchStats for several lives of one corp, in one
   * transaction: a live is whole or absent, and a batch writes the name cache's and the viewers' index
   * pages once rather than once per live (a member sync). One result per live, in order; null where
   * there were no pages.
   */
  mergeLives(corpId: string, lives: readonly PulledLiveData[]): Promise<Array<MergeStatsResult | null>>;
  /** Records an online_count sample (peak viewers come from these). */
  addOnlineSnapshot(corpId: string, livingid: string, onlineCount: number, sampledAt?: number): Promise<void>;
  /** Caches a person's name (user/get, a check-in sheet, …). */
  rememberName(
    corpId: string,
    person: { kind: ViewerKind; id: string; name: string; source: string },
  ): Promise<void>;
  get(corpId: string, livingid: string): Promise<LiveRecord | undefined>;
  list(corpId: string, query: LiveListQuery): Promise<PageOf<LiveRecord>>;
  viewers(
    corpId: string,
    livingid: string,
    query: { keyword?: string; page: number; pageSize: number },
  ): Promise<PageOf<ViewerRecord>>;
}

/** Viewers joined with check-ins (R5.2). No `pageSize` answers every row (exports, charts). */
export interface ViewerDetailsQuery {
  /** Matches name, userid / external_userid and inviter name. */
  keyword?: string;
  /** Check-in, type, watch time and inviter filters (the detail page's filter row). */
  filters?: import('../contracts/lives.js').ViewerFilters;
  /** Absent: longest watchers first (the index order). */
  sort?: import('../contracts/lives.js').ViewerSort;
  page?: number;
  pageSize?: number;
}
// Declaration merge: keeps this addition at the end of the file, away from parallel edits above.
export interface LiveStore {
  viewerDetails(
    corpId: string,
    livingid: string,
    query: ViewerDetailsQuery,
  ): Promise<import('../contracts/lives.js').ViewerDetailsPage>;
}

/** Every viewer of a live, a page at a time (an export), with the figures above its table. */
export interface ViewerDetailStream {
  /** Over the whole live: viewers, commenters, mic users, viewers with a matched check-in. */
  figures: { viewers: number; comments: number; mics: number; checkedIn: number };
  rounds: import('../contracts/lives.js').CheckinRoundSummary[];
  /**
   * The viewers as `viewerDetails` answers them without a sort (longest watchers first), each page read
   * only when asked for: a consumer that stops early reads no more.
   */
  pages: AsyncIterable<import('../contracts/lives.js').ViewerDetail[]>;
}
// Declaration merge: the export's paged read.
export interface LiveStore {
  /** NOT_FOUND when the live is not stored. `pageSize` defaults to 2,000 rows. */
  viewerDetailPages(corpId: string, livingid: string, pageSize?: number): Promise<ViewerDetailStream>;
}

// Declaration merge: who R4.6 rule 5 still has to ask of user/get.
export interface MembersToName {
  /** Member inviters and member viewers no name is known for: ids as WeCom spelt them, each once. */
  userids: string[];
  /** Unnamed members left out because user/get refused them (no permission) at or after `askedBefore`. */
  deniedLately: number;
}
export interface LiveStore {
  /**
   * Members of the live (inviters the rules left unnamed, viewers) no name is known for (at most
   * `limit`), leaving out those user/get
   * answered without a name at or after `askedBefore` (ms): refused or unknown members are asked again
   * only after a while. NOT_FOUND when the live is not stored.
   */
  membersToName(
    corpId: string,
    livingid: string,
    query: { limit: number; askedBefore: number },
  ): Promise<MembersToName>;
}

// Declaration merge: the viewer profile's figures (R5.4) counted in SQL, O(distinct inviters) to answer.
export interface LiveStore {
  viewerProfileCounts(
    corpId: string,
    livingid: string,
    watchTimeBounds: readonly number[],
  ): Promise<import('../contracts/lives.js').ViewerProfileCounts>;
}

/**
 * The live store's check-ins (R6, R4.2, R5.2), every read and write of them in one place (the host's
 * live-store/checkins/). Plugins read and write check-ins only through these methods.
 */
export interface LiveStoreCheckins {
  /**
   * Replaces the live's check-in rounds and records with `rounds`, in one transaction: importing the same
   * workbook twice leaves the same data; a new workbook replaces the old one. NOT_FOUND when not stored.
   */
  replaceCheckins(
    corpId: string,
    livingid: string,
    rounds: readonly CheckinRoundInput[],
    sourceFile?: string | null,
  ): Promise<{ rounds: number; records: number }>;
  /** The live's rounds and, per matched viewer, the count and each round's time. NOT_FOUND when not stored. */
  checkins(corpId: string, livingid: string): Promise<LiveCheckins>;
  /** Check-in totals per livingid (every id asked answers; zeros when no rounds were imported). */
  checkinTotals(corpId: string, livingids: readonly string[]): Promise<Record<string, LiveCheckinTotals>>;
  /** Check-in rows without a viewer (ambiguous or unmatched), in round and row order, for the detail page. */
  unmatchedCheckins(
    corpId: string,
    livingid: string,
    query: UnmatchedCheckinsQuery,
  ): Promise<PageOf<UnmatchedCheckin>>;
  /** The viewers an ambiguous row may belong to; NOT_FOUND for a row that is not ambiguous (any more). */
  checkinCandidates(corpId: string, livingid: string, row: CheckinRowRef): Promise<CheckinCandidate[]>;
  /**
   * Records the pick (kept across re-imports of the same workbook) and counts the row as that viewer's
   * check-in at once. Answers the viewer picked, for the audit.
   */
  resolveCheckin(
    corpId: string,
    livingid: string,
    resolution: CheckinResolutionInput,
    resolvedBy: string | null,
  ): Promise<CheckinCandidate>;
}

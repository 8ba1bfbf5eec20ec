/** Lives as the live store keeps them (docs/architecture.md "Live store"): shared by plugins' main sides and pages. */

/** WeCom's live status: 0 预约中, 1 直播中, 2 已结束, 3 已过期, 4 已取消. */
export type LiveStatus = 0 | 1 | 2 | 3 | 4;

export const LIVE_STATUS_LABELS: Readonly<Record<LiveStatus, string>> = {
  0: '预约中',
  1: '直播中',
  2: '已结束',
  3: '已过期',
  4: '已取消',
};

/** WeCom's live types. 1 and 2 only for K12 schools and IT corps. */
export const LIVE_TYPE_LABELS: Readonly<Record<number, string>> = {
  0: '通用直播',
  1: '小班课',
  2: '大班课',
  3: '企业培训',
  4: '活动直播',
};

/** One live. WeCom times are Unix seconds; `createdAt`/`lastSyncedAt` are milliseconds. */
export interface LiveRecord {
  corpId: string;
  livingid: string;
  theme: string;
  description: string;
  type: number | null;
  status: LiveStatus | null;
  anchorUserid: string;
  /**
   * Typed at creation (stored locally only); else the name cache's name for the anchor's exact userid
   * (user/get, a pull), so a live not created here still shows its anchor by name.
   */
  anchorName: string | null;
  mainDepartment: number | null;
  /** As reserved (sent at creation or modify, then WeCom's reserve_start). */
  reserveStart: number | null;
  reserveDuration: number | null;
  /** As WeCom reports once the live started; null before. */
  actualStart: number | null;
  actualDuration: number | null;
  remindTime: number | null;
  viewerNum: number | null;
  commentNum: number | null;
  micNum: number | null;
  openReplay: number | null;
  replayStatus: number | null;
  pushStreamUrl: string | null;
  onlineCount: number | null;
  subscribeCount: number | null;
  /** Max of the online samples (get_living_info while live); null without samples. */
  peakOnline: number | null;
  /** When the peak was first sampled, milliseconds; null without samples. */
  peakOnlineAt: number | null;
  /** Online samples behind the peak (0: never sampled while on, the UI says 未采样). */
  peakOnlineSamples: number;
  createdByUs: boolean;
  creatorUserid: string | null;
  createdAt: number;
  lastSyncedAt: number | null;
  statsSyncedAt: number | null;
}

export type ViewerKind = 'internal' | 'external';

/**
 * Which R4.6 rule named an inviter. `self`: WeCom recorded the viewer as their own inviter (they came in
 * through their own share); such an inviter is never named, since the name would be the viewer's own.
 */
export type InviterRule = 'watch-stat' | 'anchor' | 'viewer' | 'people' | 'user-get' | 'self' | 'none';

export interface ViewerRecord {
  kind: ViewerKind;
  /** userid for members, external_userid otherwise. */
  viewerId: string;
  externalType: number | null;
  name: string;
  watchTime: number;
  isComment: boolean;
  isMic: boolean;
  invitorUserid: string | null;
  invitorExternalUserid: string | null;
  inviterName: string | null;
  inviterRule: InviterRule | null;
}

export type LiveSortField = 'start' | 'theme' | 'status' | 'viewerNum' | 'createdAt' | 'lastSyncedAt';

/** A search over one corp's lives. `from`/`to` bound the start (reserved, or actual once started). */
export interface LiveListQuery {
  keyword?: string;
  anchorUserid?: string;
  creatorUserid?: string;
  createdByUs?: boolean;
  status?: LiveStatus[];
  from?: number;
  to?: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  sort?: { field: LiveSortField; direction: 'asc' | 'desc' };
}

export interface PageOf<T> {
  rows: T[];
  total: number;
}

/** How a check-in row relates to the live's viewers (R6.2). */
export type CheckinMatchState = 'matched' | 'ambiguous' | 'unmatched';

/** One 已签到成员 row of a check-in sheet, as the store keeps it. */
export interface CheckinRecordInput {
  /** The sheet row (1-based, as Excel shows it). */
  rowNo: number;
  /** As written, e.g. `黍离。@微信`. */
  memberLabel: string;
  department: string;
  matchState: CheckinMatchState;
  /** The viewer, only when matched. */
  viewerKind: ViewerKind | null;
  viewerId: string | null;
}

/** One check-in round (one sheet: 第一次签到, …). */
export interface CheckinRoundInput {
  roundNo: number;
  /** The sheet's name. */
  title: string;
  /** 签到发起时间, Unix seconds (read in the configured zone). */
  startedAt: number | null;
  /** 已签到人数 as the workbook states it. */
  reportedCount: number | null;
  records: CheckinRecordInput[];
}

export interface CheckinRoundRecord {
  roundNo: number;
  title: string;
  startedAt: number | null;
  reportedCount: number | null;
  records: number;
  matched: number;
  sourceFile: string | null;
  /** Milliseconds. */
  importedAt: number;
}

/** A viewer's check-ins over a live's rounds: the detail page's 签到次数 and 分计签到时间 (R5.2). */
export interface ViewerCheckins {
  kind: ViewerKind;
  viewerId: string;
  count: number;
  /** In round order; `checkedAt` is the round's 签到发起时间 (the workbook gives no per-person time). */
  rounds: Array<{ roundNo: number; checkedAt: number | null }>;
}

export interface LiveCheckins {
  rounds: CheckinRoundRecord[];
  viewers: ViewerCheckins[];
  /** Rows kept without a viewer (ambiguous or unmatched), in round and row order. */
  unmatched: Array<{
    roundNo: number;
    rowNo: number;
    memberLabel: string;
    department: string;
    matchState: CheckinMatchState;
  }>;
}

/** Imported check-ins of one live (live_checkin_rounds/records); all zero when none were imported. */
export interface LiveCheckinTotals {
  rounds: number;
  /** Check-in records over every round. */
  checkins: number;
  /** Distinct people who checked in at least once. */
  people: number;
}

/** One check-in of a viewer: the round it belongs to and when (the record's time, else the round's). */
export interface ViewerCheckin {
  roundNo: number;
  title: string;
  /** Unix seconds; null when neither the record nor its round carries a time. */
  at: number | null;
}

/** A check-in round of a live (R6), as the viewer list and its export head their columns. */
export interface CheckinRoundSummary {
  roundNo: number;
  title: string;
  startedAt: number | null;
  /** Records matched to a viewer of the live. */
  matched: number;
  /** Every record of the round (matched or not): the workbook's 签到明细 rows. */
  records: number;
  /** 已签到人数 as the workbook stated it (may differ from `records`). */
  reportedCount: number | null;
}

/**
 * A check-in row kept without a viewer (docs/user-manual.md, 签到导入): no viewer has its name
 * (`unmatched`) or several do (`ambiguous`). Kept, counted, listed on the detail page and in its export.
 */
export interface UnmatchedCheckin {
  roundNo: number;
  title: string;
  rowNo: number;
  /** 已签到成员 exactly as written. */
  memberLabel: string;
  department: string;
  matchState: 'ambiguous' | 'unmatched';
  /** The round's 签到发起时间, Unix seconds. */
  at: number | null;
}

/** A search over a live's unmatched check-in rows. No `pageSize` answers every row (exports). */
export interface UnmatchedCheckinsQuery {
  /** Matches the label and the department. */
  keyword?: string;
  page?: number;
  pageSize?: number;
}

/** A viewer joined with their check-ins (R5.2); the inviter name may come from the name cache (R4.6). */
export interface ViewerDetail extends ViewerRecord {
  checkins: ViewerCheckin[];
}

export interface ViewerDetailsPage extends PageOf<ViewerDetail> {
  rounds: CheckinRoundSummary[];
}

/**
 * Counts behind a live's viewer profile (R5.4), over every viewer whatever a search: the page draws its
 * charts from these, the export writes them as tables.
 */
export interface ViewerProfileCounts {
  viewers: number;
  members: number;
  /** external_users.type 1 (WeChat) and 2 (another corp's WeCom); any other external viewer. */
  wechat: number;
  otherCorp: number;
  otherExternal: number;
  /** Viewers per watch-time bucket: below bounds[0], [bounds[0], bounds[1]), …, from the last bound on. */
  watchTime: number[];
  comments: number;
  mics: number;
  /** Viewers with at least one matched check-in. */
  checkedIn: number;
  /** Viewers invited by somebody else, per inviter as shown (the name, else the id); self-invites left out. */
  inviters: Array<{ label: string; viewers: number }>;
  /** Per imported round, in round order: viewers with a matched check-in in it. */
  rounds: Array<{ roundNo: number; title: string; viewers: number }>;
}

/** The viewer list's types (R5.2 filters): 企业成员, 微信用户, 其他企业的企业微信用户. */
export type ViewerTypeFilter = 'member' | 'wechat' | 'corp';

/** The detail page's viewer filters, applied by the store (every field optional: absent = any). */
export interface ViewerFilters {
  /** Has a matched check-in in any round (true) or none (false). */
  checkedIn?: boolean;
  /** One of these types; empty or absent = every type. */
  types?: ViewerTypeFilter[];
  /** Watch time bounds in seconds, inclusive. */
  minWatch?: number;
  maxWatch?: number;
  /** Invited by somebody else (a self-invite is no invitation) or not. */
  hasInviter?: boolean;
}

/** What the detail's viewers can be ordered by (the page's sortable headers, over every page). */
export const VIEWER_SORT_COLUMNS = [
  'name',
  'kind',
  'watchTime',
  'checkins',
  'inviter',
  'isComment',
  'isMic',
] as const;
export type ViewerSortColumn = (typeof VIEWER_SORT_COLUMNS)[number];

/**
 * An order of a live's viewers across all pages. Texts compare as Chinese readers expect (pinyin,
 * numbers by value), empty values last either way; ties keep the default order (longest watchers first).
 */
export interface ViewerSort {
  /** A stored column, or `memberValue`: a number per member userid from the caller's own data. */
  column: ViewerSortColumn | 'memberValue';
  direction: 'asc' | 'desc';
  /** With `memberValue`: userid (any case) → value; members without one and external viewers come last. */
  memberValues?: ReadonlyMap<string, number>;
}

/** A check-in row as the workbook identifies it: kept across re-imports of the same workbook. */
export interface CheckinRowRef {
  roundNo: number;
  rowNo: number;
  /** 已签到成员 exactly as written. */
  memberLabel: string;
}

/** A viewer an ambiguous check-in row may belong to: same normalised name, a fitting origin. */
export interface CheckinCandidate {
  kind: ViewerKind;
  viewerId: string;
  name: string;
  externalType: number | null;
  /** Seconds, to tell namesakes apart. */
  watchTime: number;
}

/** The user's pick for an ambiguous check-in row (`live-detail.resolve`). */
export interface CheckinResolutionInput extends CheckinRowRef {
  viewerKind: ViewerKind;
  viewerId: string;
}

/** Lives as the live store keeps them (ARCHITECTURE §6): shared by plugins' main sides and pages. */

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
  /** Typed at creation; stored locally only. */
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
  peakOnlineAt: number | null;
  createdByUs: boolean;
  creatorUserid: string | null;
  createdAt: number;
  lastSyncedAt: number | null;
  statsSyncedAt: number | null;
}

export type ViewerKind = 'internal' | 'external';

/** Which R4.6 rule named an inviter. */
export type InviterRule = 'watch-stat' | 'anchor' | 'viewer' | 'people' | 'user-get' | 'none';

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
}

/** A viewer joined with their check-ins (R5.2); the inviter name may come from the name cache (R4.6). */
export interface ViewerDetail extends ViewerRecord {
  checkins: ViewerCheckin[];
}

export interface ViewerDetailsPage extends PageOf<ViewerDetail> {
  rounds: CheckinRoundSummary[];
}

import type {
  InviterRule,
  LiveRecord,
  LiveStatus,
  ViewerKind,
  ViewerRecord,
} from '../../../sdk/contracts/lives.js';

/** A row of `lives` as the database answers it (SQLite gives booleans as 0/1, big integers as numbers). */
export interface LiveRow {
  id: number;
  corp_id: string;
  livingid: string;
  theme: string;
  description: string;
  type: number | null;
  status: number | null;
  anchor_userid: string;
  anchor_name: string | null;
  main_department: number | null;
  reserve_start: number | string | null;
  reserve_duration: number | null;
  actual_start: number | string | null;
  actual_duration: number | null;
  remind_time: number | null;
  viewer_num: number | null;
  comment_num: number | null;
  mic_num: number | null;
  open_replay: number | null;
  replay_status: number | null;
  push_stream_url: string | null;
  online_count: number | null;
  subscribe_count: number | null;
  raw_info: string | null;
  created_by_us: number | boolean;
  creator_userid: string | null;
  created_at: number | string;
  updated_at: number | string;
  last_synced_at: number | string | null;
  stats_synced_at: number | string | null;
  peak_online?: number | null;
  peak_online_at?: number | string | null;
  peak_online_samples?: number | string | null;
  /** The anchor's name in the name cache (`selectLives` joins it); the typed name wins. */
  cached_anchor_name?: string | null;
}

export interface ViewerRow {
  id: number;
  live_id: number;
  viewer_kind: ViewerKind;
  viewer_id: string;
  external_type: number | null;
  name: string;
  watch_time: number;
  is_comment: number | boolean;
  is_mic: number | boolean;
  invitor_userid: string | null;
  invitor_external_userid: string | null;
  inviter_name: string | null;
  inviter_rule: string | null;
  raw: string | null;
  first_seen_at: number | string;
  last_synced_at: number | string;
}

// PostgreSQL answers bigint columns as strings; keep the record numeric whatever the dialect.
const num = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

const nonEmpty = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value;

export function toLiveRecord(row: LiveRow): LiveRecord {
  return {
    corpId: row.corp_id,
    livingid: row.livingid,
    theme: row.theme,
    description: row.description,
    type: row.type,
    status: row.status as LiveStatus | null,
    anchorUserid: row.anchor_userid,
    anchorName: nonEmpty(row.anchor_name) ?? nonEmpty(row.cached_anchor_name),
    mainDepartment: row.main_department,
    reserveStart: num(row.reserve_start),
    reserveDuration: row.reserve_duration,
    actualStart: num(row.actual_start),
    actualDuration: row.actual_duration,
    remindTime: row.remind_time,
    viewerNum: row.viewer_num,
    commentNum: row.comment_num,
    micNum: row.mic_num,
    openReplay: row.open_replay,
    replayStatus: row.replay_status,
    pushStreamUrl: row.push_stream_url,
    onlineCount: row.online_count,
    subscribeCount: row.subscribe_count,
    peakOnline: row.peak_online ?? null,
    peakOnlineAt: num(row.peak_online_at),
    peakOnlineSamples: num(row.peak_online_samples) ?? 0,
    createdByUs: Boolean(row.created_by_us),
    creatorUserid: row.creator_userid,
    createdAt: Number(row.created_at),
    lastSyncedAt: num(row.last_synced_at),
    statsSyncedAt: num(row.stats_synced_at),
  };
}

export function toViewerRecord(row: ViewerRow): ViewerRecord {
  return {
    kind: row.viewer_kind,
    viewerId: row.viewer_id,
    externalType: row.external_type,
    name: row.name,
    watchTime: row.watch_time,
    isComment: Boolean(row.is_comment),
    isMic: Boolean(row.is_mic),
    invitorUserid: row.invitor_userid,
    invitorExternalUserid: row.invitor_external_userid,
    inviterName: row.inviter_name,
    inviterRule: row.inviter_rule as InviterRule | null,
  };
}

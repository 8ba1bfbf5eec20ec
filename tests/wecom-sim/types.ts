/** The simulator's stored model: what WeCom knows about one corp and its self-built app. */

export interface SimMember {
  userid: string;
  name: string;
  department: number[];
  position: string;
  /** Outside the app's visible range: user/get answers 60011 and message/send lists it as invalid. */
  denied: boolean;
}

/** Inviter fields exist only on promotion (type 4) lives, as WeCom sends them. */
export interface InviterFields {
  invitor_userid?: string;
  invitor_external_userid?: string;
}

/** An internal viewer: WeCom sends the userid only, never a name. */
export interface InternalViewer extends InviterFields {
  kind: 'internal';
  userid: string;
  watch_time: number;
  is_comment: 0 | 1;
  is_mic: 0 | 1;
}

export interface ExternalViewer extends InviterFields {
  kind: 'external';
  external_userid: string;
  /** 1: WeChat user, 2: WeCom user of another corp. */
  type: 1 | 2;
  name: string;
  watch_time: number;
  is_comment: 0 | 1;
  is_mic: 0 | 1;
}

export type SimViewer = InternalViewer | ExternalViewer;

/** An external person who watches several lives of the corp (same external_userid and name each time). */
export type RegularViewer = Pick<ExternalViewer, 'external_userid' | 'type' | 'name'>;

export type LiveType = 0 | 1 | 2 | 3 | 4;
export type LiveStatus = 0 | 1 | 2 | 3 | 4;

export interface SimLive {
  livingid: string;
  /** Order of creation; get_user_all_livingid lists newest first and pages on it. */
  seq: number;
  anchor_userid: string;
  theme: string;
  description: string;
  type: LiveType;
  /** As reserved (living/create or modify). */
  reserve_start: number;
  reserve_living_duration: number;
  /** When the live actually starts and how long it runs; the clock moves the status along them. */
  actual_start: number;
  actual_duration: number;
  /** Terminal states that the clock does not override. */
  cancelled: boolean;
  expired: boolean;
  remind_time: number;
  open_replay: 0 | 1;
  replay_status: 0 | 1 | 2 | 3;
  subscribe_count: number;
  /** Comments per commenting viewer, so that comment_num is not just the number of commenters. */
  commentsPerCommenter: number;
  activity_cover_mediaid?: string;
  activity_share_mediaid?: string;
  /** Created through living/create on this simulator (not seeded). */
  createdByApi: boolean;
  /** Viewers are generated when the live starts (seeded ended/living lives have them from the start). */
  viewersGenerated: boolean;
  viewers: SimViewer[];
}

export interface SimShareCode {
  code: string;
  livingid: string;
  viewer_userid?: string;
  viewer_external_userid?: string;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

export interface SimAgent {
  agentid: number;
  name: string;
  square_logo_url: string;
  description: string;
  allow_userinfos: { user: { userid: string }[] };
  allow_partys: { partyid: number[] };
  allow_tags: { tagid: number[] };
  close: 0 | 1;
  redirect_domain: string;
  report_location_flag: 0 | 1;
  isreportenter: 0 | 1;
  home_url: string;
}

/** The curated inviter cases of the promotion live (R4.6's name-resolution rules). */
export interface PromotionSpecials {
  /** External viewer of the promotion live whose inviter is themself. */
  selfInviteViewer: string;
  /** Internal viewer of the promotion live whose inviter is themself. */
  selfInviteMember: string;
  /** The anchor watched the promotion live as a viewer, invited by themself. */
  anchorSelfInvite: string;
  /** External viewer of the promotion live invited by the live's anchor. */
  anchorInvitedViewer: string;
  /** External viewer invited by another external viewer of the same live (name resolvable from the stats). */
  viewerInvitedViewer: string;
  viewerInviter: string;
  /** A member who invited viewers, is no viewer, not the anchor, and whose user/get works. */
  memberInviterUserid: string;
  /** A member who invited viewers but whose user/get is denied (60011). */
  deniedInviterUserid: string;
  /** An external inviter that is not among the viewers: no name anywhere. */
  unknownExternalInviter: string;
  /** An external viewer of the promotion live with an empty name. */
  emptyNameViewer: string;
  /** A nickname two external viewers of the promotion live share (check-in matching is ambiguous). */
  duplicateViewerName: string;
  /** ww_share_code of the promotion live, for get_living_share_info. */
  shareCode: string;
}

/** Ids that tests navigate to, so they never hard-code generated values. */
export interface SimSpecials extends PromotionSpecials {
  mainAnchorUserid: string;
  mainAnchorLiveCount: number;
  bigLivingid: string;
  promotionLivingid: string;
  livingLivingid: string;
  reservedLivingid: string;
  endedLivingid: string;
  expiredLivingid: string;
  cancelledLivingid: string;
  deniedUserid: string;
  otherAgentid: number;
}

export interface SimData {
  seed: number;
  corpid: string;
  corpsecret: string;
  /** Shared by the corp's livingids and external userids. */
  corpTag: string;
  agent: SimAgent;
  /** Other apps of the corp: agent/get with one of them answers 301002. */
  otherAgentids: number[];
  /** The IP that 60020 reports when a fault names none (documentation range, never a real host). */
  publicIp: string;
  members: SimMember[];
  regulars: RegularViewer[];
  lives: SimLive[];
  shareCodes: SimShareCode[];
  specials: SimSpecials;
}

import type { InviterRule, ViewerDetail } from '../../../sdk/contracts/lives.js';

/** Promotion lives (活动直播, type 4) are the only ones WeCom gives inviters for (R4.6). */
export const PROMOTION_LIVE_TYPE = 4;
export const NO_INVITER_TEXT = '企业微信仅对推广产品直播提供邀请人';
/** WeCom recorded the viewer as their own inviter: shown instead of a name, never the viewer's own name. */
export const SELF_INVITE_TEXT = '本人（自行进入）';

/** Seconds as h:mm:ss (R5.2), e.g. 3725 → 1:02:05. */
export function formatWatchTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** 企业成员, 微信用户 or 企业微信用户 (a member of another corp). */
export function viewerKindLabel(viewer: Pick<ViewerDetail, 'kind' | 'externalType'>): string {
  if (viewer.kind === 'internal') return '企业成员';
  if (viewer.externalType === 1) return '外部 · 微信';
  if (viewer.externalType === 2) return '外部 · 企业微信';
  return '外部联系人';
}

export const INVITER_RULE_LABELS: Readonly<Record<InviterRule, string>> = {
  'watch-stat': '企业微信返回',
  anchor: '主播',
  viewer: '同场观众',
  people: '本地名录',
  'user-get': '通讯录查询',
  self: '非他人邀请',
  none: '未能识别',
};

/** Invited by somebody else: counts as an invitation (a self-invite does not). */
export function invitedByOther(viewer: ViewerDetail): boolean {
  return (viewer.invitorUserid ?? viewer.invitorExternalUserid) !== null && viewer.inviterRule !== 'self';
}

/**
 * The inviter as shown: name, else the id, else nothing; a self-invite says so; non-promotion lives say
 * why it is empty.
 */
export function inviterText(viewer: ViewerDetail, inviterSupported: boolean): string {
  if (!inviterSupported) return NO_INVITER_TEXT;
  const id = viewer.invitorUserid ?? viewer.invitorExternalUserid;
  if (id === null) return '';
  if (viewer.inviterRule === 'self') return SELF_INVITE_TEXT;
  return viewer.inviterName !== null && viewer.inviterName !== '' ? viewer.inviterName : id;
}

/** Why a check-in row has no viewer (the detail page and the export's 未匹配签到 sheet). */
export const UNMATCHED_REASONS: Readonly<Record<'ambiguous' | 'unmatched', string>> = {
  ambiguous: '同名观众不止一位',
  unmatched: '观众中没有这个名字',
};

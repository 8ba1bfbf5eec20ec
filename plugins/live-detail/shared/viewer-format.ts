import type { ViewerDetail } from '../../../sdk/contracts/lives.js';

// How inviters are named and shown (R4.6) is written once, in the SDK; re-exported for the page and export.
export {
  INVITER_RULE_LABELS,
  invitedByOther,
  inviterText,
  NO_INVITER_TEXT,
  PROMOTION_LIVE_TYPE,
  SELF_INVITE_TEXT,
} from '../../../sdk/contracts/inviter-naming.js';

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

/** Why a check-in row has no viewer (the detail page and the export's 未匹配签到 sheet). */
export const UNMATCHED_REASONS: Readonly<Record<'ambiguous' | 'unmatched', string>> = {
  ambiguous: '同名观众不止一位',
  unmatched: '观众中没有这个名字',
};

// 已签到成员 cells of a WeCom check-in workbook (R6.2), read one way by the import's matcher (the
// checkin-import plugin) and by the live store's candidates for an ambiguous row: `黍离。@微信` (a WeChat
// user), `张三@某某公司` (a WeCom user of that enterprise) or a plain name. The suffix says where the
// person comes from; the name is what matching compares.

/** Where a check-in label says the person comes from. */
export type CheckinMemberOrigin = 'wechat' | 'corp' | 'none';

export interface MemberLabel {
  raw: string;
  name: string;
  suffix: string | null;
  origin: CheckinMemberOrigin;
}

const WECHAT = '微信';
/** WeCom's external_users.type: 1 a WeChat user, 2 a WeCom user of another enterprise. */
const WECHAT_USER = 1;
const WECOM_USER = 2;

export function parseMemberLabel(raw: string): MemberLabel {
  const text = raw.trim();
  // Full-width ＠ counts as @; the last one splits, so a nickname with @ in it keeps it.
  const at = Math.max(text.lastIndexOf('@'), text.lastIndexOf('＠'));
  if (at <= 0) return { raw, name: text, suffix: null, origin: 'none' };
  const name = text.slice(0, at).trim();
  const suffix = text.slice(at + 1).trim();
  if (suffix === '') return { raw, name, suffix: null, origin: 'none' };
  return { raw, name, suffix, origin: suffix === WECHAT ? 'wechat' : 'corp' };
}

/** The name as matching compares it loosely: NFKC (full/half width), no spaces, lower case. */
export function normaliseName(name: string): string {
  return (isNfkcStable(name) ? name : name.normalize('NFKC')).replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether NFKC leaves the text as it is because it is only ASCII and CJK unified ideographs (U+4E00 to
 * U+9FFF, no compatibility forms among them): most names, and normalize() is the slow part of a
 * 50,000-row import's matching. Anything else (full-width letters, ㈱, combining marks) is normalised.
 */
function isNfkcStable(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 && (code < 0x4e00 || code > 0x9fff)) return false;
  }
  return true;
}

/** Whether the label's origin allows this viewer: `@微信` only WeChat users, `@企业名` WeCom users. */
export function originFits(
  origin: CheckinMemberOrigin,
  viewer: { kind: 'internal' | 'external'; externalType: number | null },
): boolean {
  if (origin === 'wechat') return viewer.kind === 'external' && viewer.externalType !== WECOM_USER;
  // An enterprise suffix may be another enterprise (external, type 2) or one's own (a member).
  if (origin === 'corp') return viewer.kind === 'internal' || viewer.externalType !== WECHAT_USER;
  return true;
}

// 已签到成员 cells: `黍离。@微信` (a WeChat user), `张三@某某公司` (a WeCom user of that enterprise) or a
// plain name. The suffix says where the person comes from; the name is what matching compares.
import type { MemberOrigin } from '../shared/checkin-api.js';

export interface MemberLabel {
  raw: string;
  name: string;
  suffix: string | null;
  origin: MemberOrigin;
}

const WECHAT = '微信';

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
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

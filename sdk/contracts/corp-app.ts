// The rules of a corp app's fields (R2.2), one source for the channels' input schemas
// (corps-channels.ts, users-channels.ts), which the host checks calls with and every form that asks
// for them validates with (sdk/ui/corp-app-form.ts). Plain constants: no zod, no Angular.

export const CORPNAME_MAX_LENGTH = 50;
/** WeCom corp ids are letters and digits (`ww…` for most corps). */
export const CORPID_PATTERN = /^[A-Za-z0-9]{6,64}$/;
export const CORPSECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
/**
 * WeCom's `agentid` is an integer (1000002 for a typical self-built app; the gateway sends it as a JSON
 * number): a positive 32-bit integer, at most ten digits.
 */
export const AGENTID_PATTERN = /^[1-9]\d{0,9}$/;
export const AGENTID_MAX = 2_147_483_647;
/** A member's userid as WeCom shows it under 通讯录 → 成员详情 → 账号. */
export const USERID_PATTERN = /^[A-Za-z0-9_.@-]*$/;
export const USERID_MAX_LENGTH = 64;
export const USERNAME_MAX_LENGTH = 64;

/** True for the text of a valid agentid (surrounding spaces are the caller's to trim). */
export function isAgentidText(text: string): boolean {
  return AGENTID_PATTERN.test(text) && Number(text) <= AGENTID_MAX;
}

/** What a form and the host say about a value that breaks the rule (one wording everywhere). */
export const CORP_FIELD_MESSAGES = {
  corpname: `企业名称最多 ${CORPNAME_MAX_LENGTH} 个字`,
  corpid: '企业ID 应为 6–64 位字母或数字',
  corpsecret: '应用Secret 应为 16–128 位字母、数字、_ 或 -',
  agentid: 'AgentId 应为正整数',
  userid: '用户ID 只能包含字母、数字和 _ . @ -',
  useridLength: `用户ID 最多 ${USERID_MAX_LENGTH} 个字符`,
  username: `用户名称最多 ${USERNAME_MAX_LENGTH} 个字`,
} as const;

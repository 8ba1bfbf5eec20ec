/**
 * The WeCom connection state of one corp as the host sees it from its own calls (`wecom.connection`
 * channel and event). Derived from the gateway's exchanges, kept in memory: after a restart it is
 * `unknown` until the first call (a login always makes one).
 */
export type WeComConnectionKind = 'unknown' | 'ok' | 'ipNotAllowed' | 'tokenRefused' | 'unreachable';

export interface WeComConnectionState {
  corpId: string;
  kind: WeComConnectionKind;
  /** ISO time of the last call WeCom answered with errcode 0, or null. */
  lastOkAt: string | null;
  /** ISO time the state last changed kind. */
  since: string;
  /** The WeCom API of the exchange that set the state (e.g. `gettoken`). */
  api: string | null;
  /** `tokenRefused`: WeCom's errcode (40001 bad secret, 40013 bad corpid, 42001 …). */
  errcode: number | null;
  /** `ipNotAllowed`: the IP WeCom saw. */
  ip: string | null;
  /** `unreachable`: how the exchange failed (refused, dns, timeout …). */
  failure: string | null;
}

/** Labels of the shell's indicator (zh-CN). */
export const WECOM_CONNECTION_LABELS: Record<WeComConnectionKind, string> = {
  unknown: '企业微信：未检测',
  ok: '企业微信：正常',
  ipNotAllowed: '企业微信：可信 IP 未配置',
  tokenRefused: '企业微信：凭证被拒绝',
  unreachable: '企业微信：无法连接',
};

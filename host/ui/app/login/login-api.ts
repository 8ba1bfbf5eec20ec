/** The shapes of the host channels the login page and the setup wizard call (host/runtime/accounts/account-channels.ts). */

/** `corps.list` (public): a saved corp; its secret stays in the host, only masked here. */
export interface SavedCorp {
  corpId: string;
  corpname: string;
  corpid: string;
  agentid: number;
  appName: string;
  secretMasked: string;
}

/** `auth.login` input, the tagged union of docs/architecture.md "RPC and errors". */
export type LoginInput =
  | { kind: 'root'; password: string }
  | {
      kind: 'newCorp';
      corpname: string;
      corpid: string;
      corpsecret: string;
      agentid: number;
      userid?: string;
      username?: string;
      password?: string;
    }
  | { kind: 'savedCorp'; corpId: string; userid?: string; username?: string; password?: string };

/** `corps.save` input (root-admin or the corp's WeCom admin); runs gettoken + agent/get first. */
export interface CorpSaveInput {
  corpId?: string;
  corpname: string;
  corpid: string;
  corpsecret?: string;
  agentid: number;
}

/** `trustedIps.list` (public). */
export interface TrustedIpList {
  ips: Array<{ ip: string; source: string; firstSeenAt: number; lastSeenAt: number }>;
  copyText: string;
  limit: number;
  consoleUrl: string;
}

/** `trustedIps.detectPublicIp` (public): ip is null when no lookup service answered. */
export interface PublicIpAnswer {
  ip: string | null;
  source: string | null;
  message: string;
}

/** WeCom's trusted-IP page, used until `trustedIps.list` answered with the host's own copy. */
export const DEFAULT_CONSOLE_URL = 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp';

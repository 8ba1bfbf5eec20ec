import type { RpcErrorBody } from '../contracts/errors.js';
import type { HostEventMap } from '../contracts/events.js';

/** What the trusted-IP dialog shows: from a WECOM_IP_NOT_ALLOWED answer or a `wecom.ipNotAllowed` event. */
export interface TrustedIpInfo {
  /** The IP WeCom saw (the `from ip:` of errcode 60020), or null when unknown. */
  ip: string | null;
  ips: string[];
  /** The whole list joined with `;`, ready to paste into WeCom's 企业可信 IP field. */
  copyText: string;
  consoleUrl: string;
  appName: string | null;
  /** ISO time from which a retry makes sense (WeCom applies the list after a few minutes). */
  retryAfter: string;
}

export const WECOM_APPS_CONSOLE_URL = 'https://work.weixin.qq.com/wework_admin/frame#apps/modApiApp';
const RETRY_MS = 5 * 60_000;

/** Reads the dialog's data from an error body; tolerant, since details are loosely typed. */
export function trustedIpInfoFromError(body: RpcErrorBody, now = Date.now()): TrustedIpInfo {
  const details = body.details ?? {};
  const ips = stringList(details['ips']);
  const ip = typeof details['ip'] === 'string' ? details['ip'] : null;
  return {
    ip,
    ips,
    copyText: typeof details['copyText'] === 'string' ? details['copyText'] : ips.join(';'),
    consoleUrl: typeof details['consoleUrl'] === 'string' ? details['consoleUrl'] : WECOM_APPS_CONSOLE_URL,
    appName: typeof details['appName'] === 'string' && details['appName'] !== '' ? details['appName'] : null,
    retryAfter:
      typeof details['retryAfter'] === 'string'
        ? details['retryAfter']
        : new Date(now + RETRY_MS).toISOString(),
  };
}

export function trustedIpInfoFromEvent(payload: HostEventMap['wecom.ipNotAllowed']): TrustedIpInfo {
  const ips = stringList(payload.ips);
  return {
    ip: payload.ip,
    ips,
    copyText: ips.join(';'),
    consoleUrl: payload.consoleUrl || WECOM_APPS_CONSOLE_URL,
    appName: payload.appName !== undefined && payload.appName !== '' ? payload.appName : null,
    retryAfter: payload.retryAfter,
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

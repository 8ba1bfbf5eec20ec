// The `trustedIps.*` channels (host/runtime/wecom/trusted-ip-channels.ts): the IPs to enter in WeCom's
// 企业可信 IP (R2.6), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';

export type TrustedIpSource = 'detected' | 'wecom-60020' | 'manual';

export interface TrustedIp {
  ip: string;
  source: TrustedIpSource;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** `trustedIps.list` / `trustedIps.replace` */
export interface TrustedIpsView {
  ips: TrustedIp[];
  /** The list joined with `;`, ready to paste into WeCom's field. */
  copyText: string;
  limit: number;
  consoleUrl: string;
}

/** `trustedIps.add` */
export interface TrustedIpAdded {
  ips: string[];
  added: boolean;
  /** IPs dropped to stay within the limit (least recently seen first). */
  dropped: string[];
}

/** `trustedIps.detectPublicIp`: ip is null when no lookup service answered. */
export interface DetectedIp {
  ip: string | null;
  /** The service that answered (shown in the privacy notice), or null. */
  source: string | null;
  message: string;
}

/** `trustedIps.add`: one IPv4 or IPv6 address (the host normalises it and names a bad one). */
export const TrustedIpAddSchema = z.object({ ip: z.string().min(1, '请填写 IP') });

/** Public: the login page and the 60020 dialog show the list before anyone is logged in. */
export const TRUSTED_IPS_LIST = defineChannel({
  name: 'trustedIps.list',
  input: z.object({}),
  output: returns<TrustedIpsView>(),
  minTier: 'public',
});

/** Asks the configured services for this machine's public IP (on demand only) and records it. */
export const TRUSTED_IPS_DETECT_PUBLIC_IP = defineChannel({
  name: 'trustedIps.detectPublicIp',
  input: z.object({}),
  output: returns<DetectedIp>(),
  minTier: 'public',
});

export const TRUSTED_IPS_ADD = defineChannel({
  name: 'trustedIps.add',
  input: TrustedIpAddSchema,
  output: returns<TrustedIpAdded>(),
  minTier: 'wecom-admin',
});

/** Replaces the whole list (the edit dialog). */
export const TRUSTED_IPS_REPLACE = defineChannel({
  name: 'trustedIps.replace',
  input: z.object({ ips: z.array(z.string()) }),
  output: returns<TrustedIpsView>(),
  minTier: 'wecom-admin',
});

// The answers of the host channels the settings pages read (host/runtime/*-channels.ts), as the UI sees them.
import type { AccountTier } from '../../../sdk/contracts/tiers.js';

// `config.*` (host/runtime/config/config-channels.ts) shares its plain types through the SDK.
export type {
  CleanupCount,
  CleanupPreview,
  CleanupResult,
  ConfigView,
  DatabaseChangeCheck,
  StorageView,
  UpdateFeedView,
} from '../../../sdk/contracts/config.js';

export type PluginState = 'enabled' | 'disabled' | 'failed';

/** `plugins.list`: the manifest (absent when it could not be read) plus the state. */
export interface PluginRow {
  id: string;
  state: PluginState;
  reason?: string;
  /** Set while an enabled plugin misbehaves at run time (a listener threw, an error escaped). */
  degraded?: string;
  title?: string;
  version?: string;
  core?: boolean;
  kind?: 'feature' | 'report';
  tiers?: AccountTier[];
  requiresCorp?: boolean;
  description?: string;
}

/** `corps.list` / `corps.save`: the secret only ever masked. */
export interface CorpView {
  corpId: string;
  corpname: string;
  corpid: string;
  agentid: number;
  appName: string;
  secretMasked: string;
}

export interface CorpSaveInput {
  corpId?: string;
  corpname: string;
  corpid: string;
  /** Left out when editing keeps the saved secret. */
  corpsecret?: string;
  agentid: number;
}

/** `users.list` */
export interface UserRow {
  id: number;
  corpId: string | null;
  corpname: string | null;
  userid: string;
  username: string;
  tier: AccountTier;
  hasPassword: boolean;
  lastLoginAt: number | null;
}

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
  copyText: string;
  limit: number;
  consoleUrl: string;
}

/** `trustedIps.add` */
export interface TrustedIpAdded {
  ips: string[];
  added: boolean;
  dropped: string[];
}

/** `trustedIps.detectPublicIp` */
export interface DetectedIp {
  ip: string | null;
  source: string | null;
  message: string;
}

/** One row of `audit.list` (the table's columns as they are). */
export interface AuditRow {
  id: number;
  at: number;
  actor_userid: string | null;
  actor_tier: string | null;
  action: string;
  target: string | null;
  ok: boolean;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

/** `host.about`: the paths only for admins. */
export interface AboutInfo {
  version: string;
  node: string;
  licence: string;
  dataDir?: string;
  databaseFile?: string;
  logDir?: string;
  timeZone?: string;
}

/** `settings.getPreferences` / `settings.setPreferences` (this plugin's own channels, shared/channels.ts). */
export type { Preferences } from '../shared/preferences.js';

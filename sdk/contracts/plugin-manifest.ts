import type { AccountTier } from './tiers.js';

/** `plugins/<id>/plugin.json` (docs/plugin-development.md "plugin.json"). */
export interface PluginManifest {
  id: string;
  version: string;
  /** A semver range the host's engine version must satisfy. */
  engine: string;
  kind: 'feature' | 'report';
  core: boolean;
  title: string;
  icon: string;
  order: number;
  route: string;
  tiers: AccountTier[];
  requiresCorp: boolean;
  /** The main-side entry, relative to the plugin folder (compiled JavaScript). */
  main?: string;
  description?: string;
}

/** Namespaces the host keeps for itself; no plugin may take one as its id. */
export const HOST_NAMESPACES = [
  'host',
  'auth',
  'corps',
  'users',
  'trustedIps',
  'audit',
  'plugins',
  'config',
  'jobs',
  'files',
  'reports',
  // Host event namespaces (`job.*`, `wecom.*`): a plugin's events are `<id>.*`, so no id may be one.
  'job',
  'wecom',
] as const;

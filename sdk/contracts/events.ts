import type { JobSnapshot } from './jobs.js';
import type { WeComConnectionState } from './wecom-connection.js';

/** Events pushed to clients (SSE in browser mode, `on` in Electron). */
export interface HostEventMap {
  'job.progress': JobSnapshot;
  'job.done': JobSnapshot;
  'job.failed': JobSnapshot;
  'plugins.changed': { plugins: PluginStatus[] };
  /** A report was enabled, disabled or rescanned: menus ask `reports.available` again. */
  'reports.changed': Record<string, never>;
  'wecom.ipNotAllowed': {
    ip: string;
    ips: string[];
    consoleUrl: string;
    appName?: string;
    retryAfter: string;
  };
  /** The current corp's WeCom connection state changed (only that corp's sessions receive it). */
  'wecom.connection': WeComConnectionState;
}

export type HostEventName = keyof HostEventMap;

/**
 * The event contract of every transport (SSE in browser mode, IPC in Electron): these host events and
 * plugin events named `<pluginId>.<name>` reach clients; nothing else does. Only the host publishes
 * these names; a plugin emitting one is refused.
 */
export const HOST_EVENT_TYPES = [
  'job.progress',
  'job.done',
  'job.failed',
  'plugins.changed',
  'reports.changed',
  'wecom.ipNotAllowed',
  'wecom.connection',
] as const satisfies readonly HostEventName[];

export interface PluginStatus {
  id: string;
  title: string;
  version: string;
  state: 'enabled' | 'disabled' | 'failed';
  reason?: string;
  /**
   * Set while an enabled plugin misbehaves at run time (an event listener threw, an error escaped its
   * code): what happened last, in Chinese. The plugin runs on; disabling and enabling it clears this.
   */
  degraded?: string;
}

/** An event as a client receives it. */
export interface ClientEvent<N extends string = string> {
  type: N;
  payload: unknown;
}

import type { JobSnapshot } from './jobs.js';

/** Events pushed to clients (SSE in browser mode, `on` in Electron). */
export interface HostEventMap {
  'job.progress': JobSnapshot;
  'job.done': JobSnapshot;
  'job.failed': JobSnapshot;
  'plugins.changed': { plugins: PluginStatus[] };
  'wecom.ipNotAllowed': {
    ip: string;
    ips: string[];
    consoleUrl: string;
    appName?: string;
    retryAfter: string;
  };
}

export type HostEventName = keyof HostEventMap;

export interface PluginStatus {
  id: string;
  title: string;
  version: string;
  state: 'enabled' | 'disabled' | 'failed';
  reason?: string;
}

/** An event as a client receives it. */
export interface ClientEvent<N extends string = string> {
  type: N;
  payload: unknown;
}

import type { PluginStatus } from './events.js';

/** `host.status`. */
export interface HostStatus {
  version: string;
  firstRun: boolean;
  plugins: PluginStatus[];
  /** The installation's IANA time zone (config.json `timeZone`): every time on screen is shown in it. */
  timeZone: string;
}

export interface SessionUser {
  userid: string;
  username: string;
  tier: 'user' | 'wecom-admin' | 'root-admin';
}

export interface SessionCorp {
  corpId: string;
  corpname: string;
  agentid: number;
  appName: string;
}

/** `auth.login` answer. */
export interface LoginResult {
  session: string;
  user: SessionUser;
  corp?: SessionCorp;
}

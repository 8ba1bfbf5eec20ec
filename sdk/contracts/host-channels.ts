// The `host.*` channels (host/runtime/rpc/host-channels.ts), declared once for both ends
// (docs/architecture.md "Channels").
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { HostStatus } from './host-status.js';

/** `host.about`: the versions; the paths on disk only for admins (wecom-admin and up). */
export interface AboutInfo {
  version: string;
  node: string;
  licence: string;
  dataDir?: string;
  databaseFile?: string;
  logDir?: string;
  timeZone?: string;
}

/** Version, first run and the plugins' states: asked before anyone is logged in. */
export const HOST_STATUS = defineChannel({
  name: 'host.status',
  input: z.object({}),
  output: returns<HostStatus>(),
  minTier: 'public',
});

/** 关于: versions for everyone signed in, where things are on disk for the admins. */
export const HOST_ABOUT = defineChannel({
  name: 'host.about',
  input: z.object({}),
  output: returns<AboutInfo>(),
  minTier: 'user',
});

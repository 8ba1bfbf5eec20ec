// The `wecom.connection*` channels (host/runtime/wecom/wecom-connection.ts), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { WeComConnectionState } from './wecom-connection.js';

/** The WeCom connection state of the caller's corp. */
export const WECOM_CONNECTION = defineChannel({
  name: 'wecom.connection',
  input: z.object({}),
  output: returns<WeComConnectionState>(),
  minTier: 'user',
  requiresCorp: true,
});

/**
 * Calls WeCom now (gettoken + agent/get) and answers the new state; WeCom's error is not thrown, the
 * state shows it.
 */
export const WECOM_CONNECTION_CHECK = defineChannel({
  name: 'wecom.connection.check',
  input: z.object({}),
  output: returns<WeComConnectionState>(),
  minTier: 'user',
  requiresCorp: true,
});

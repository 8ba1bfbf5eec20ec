// The live-list channels another plugin calls, declared here so that both can import them (a plugin
// imports only sdk/* and its own files). plugins/live-list/shared/channels.ts re-exports them; the
// handler stays in live-list (docs/architecture.md "Channels").
import { z } from 'zod';
import { corpChannel, returns } from './channel.js';
import type { LiveRecord } from './lives.js';

export const CancelLiveSchema = z.object({
  livingid: z.string({ error: '请给出直播 ID' }).trim().min(1, '请给出直播 ID').max(128),
});

export interface LiveCancelResult {
  live: LiveRecord;
}

/** Cancels a reserved live in WeCom (living/cancel): the live list and the detail page's 取消预约. */
export const CANCEL_LIVE = corpChannel('live-list.cancel', CancelLiveSchema, returns<LiveCancelResult>());

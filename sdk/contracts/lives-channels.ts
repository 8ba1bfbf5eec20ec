// The host's `lives.*` channels (docs/architecture.md "Channels"): the live store as the UI reads it
// outside a plugin's own channels. `lives.pick` feeds the one live picker (sdk/ui/live-picker.ts) that
// 直播详情, 签到导入 and a report's `live` parameter share.
import { z } from 'zod';
import { corpChannel, returns } from './channel.js';
import type { LiveStatus } from './lives.js';

/** A live as the picker lists it. */
export interface LiveOption {
  livingid: string;
  theme: string;
  /** Unix seconds: the actual start once known, else the reserved one; null when neither is. */
  start: number | null;
  status: LiveStatus | null;
  anchorUserid: string;
  /** The anchor's name when the store knows it. */
  anchorName: string | null;
}

export const LivePickSchema = z.object({
  /** Part of the theme, the livingid, the anchor's userid or name; empty or absent: every live. */
  keyword: z.string().trim().max(100, '关键字最多 100 个字').optional(),
  limit: z.number().int().min(1, '条数至少为 1').max(50, '条数最多 50').default(20),
});

/** The caller corp's stored lives matching the keyword, newest first (a corp sees only its own). */
export const LIVES_PICK = corpChannel('lives.pick', LivePickSchema, returns<LiveOption[]>());

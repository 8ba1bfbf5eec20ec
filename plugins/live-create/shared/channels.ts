// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { corpChannel, returns } from '../../../sdk/contracts/channel.js';
import {
  CheckImageSchema,
  CreateLiveSchema,
  GetLiveSchema,
  ModifyLiveSchema,
  RecentLivesSchema,
} from './input-schemas.js';
import type { CheckedImageAnswer, CreatedLiveAnswer, LiveWithPulls } from './live-create-api.js';

/** Creates a reserved live (R3.1); an idempotency key makes a retry answer the same live. */
export const CREATE = corpChannel('live-create.create', CreateLiveSchema, returns<CreatedLiveAnswer>());

/** Checks an uploaded cover or share image and answers a preview for the form. */
export const CHECK_IMAGE = corpChannel(
  'live-create.checkImage',
  CheckImageSchema,
  returns<CheckedImageAnswer>(),
);

/** Modifies a live created here while it is still reserved (R3.3). */
export const MODIFY = corpChannel('live-create.modify', ModifyLiveSchema, returns<LiveWithPulls>());

/** One stored live with its planned detail pulls. */
export const GET = corpChannel('live-create.get', GetLiveSchema, returns<LiveWithPulls>());

/** The caller's own lives created here, newest first: the page's 最近创建 list. */
export const RECENT = corpChannel(
  'live-create.recent',
  RecentLivesSchema,
  returns<{ rows: LiveWithPulls[]; total: number }>(),
);

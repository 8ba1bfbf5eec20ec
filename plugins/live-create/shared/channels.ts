// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { defineChannel, returns } from '../../../sdk/contracts/channel.js';
import {
  CheckImageSchema,
  CreateLiveSchema,
  GetLiveSchema,
  ModifyLiveSchema,
  RecentLivesSchema,
} from './input-schemas.js';
import type { CheckedImageAnswer, CreatedLiveAnswer, LiveWithPulls } from './live-create-api.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

/** Creates a reserved live (R3.1); an idempotency key makes a retry answer the same live. */
export const CREATE = defineChannel({
  name: 'live-create.create',
  input: CreateLiveSchema,
  output: returns<CreatedLiveAnswer>(),
  ...guard,
});

/** Checks an uploaded cover or share image and answers a preview for the form. */
export const CHECK_IMAGE = defineChannel({
  name: 'live-create.checkImage',
  input: CheckImageSchema,
  output: returns<CheckedImageAnswer>(),
  ...guard,
});

/** Modifies a live created here while it is still reserved (R3.3). */
export const MODIFY = defineChannel({
  name: 'live-create.modify',
  input: ModifyLiveSchema,
  output: returns<LiveWithPulls>(),
  ...guard,
});

/** One stored live with its planned detail pulls. */
export const GET = defineChannel({
  name: 'live-create.get',
  input: GetLiveSchema,
  output: returns<LiveWithPulls>(),
  ...guard,
});

/** The caller's own lives created here, newest first: the page's 最近创建 list. */
export const RECENT = defineChannel({
  name: 'live-create.recent',
  input: RecentLivesSchema,
  output: returns<{ rows: LiveWithPulls[]; total: number }>(),
  ...guard,
});

import type { z } from 'zod';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { CreateLiveSchema, ModifyLiveSchema } from './input-schemas.js';
import type { PullStage } from './live-rules.js';

/** `live-create.create` input (WeCom's field names where they mirror WeCom), as the page sends it. */
export type CreateLiveInput = z.input<typeof CreateLiveSchema>;
/** `live-create.modify` input: only what changes, besides the livingid. */
export type ModifyLiveInput = z.input<typeof ModifyLiveSchema>;

export interface PlannedPull {
  stage: PullStage;
  /** Milliseconds. */
  runAt: number;
}

export interface CreatedLiveAnswer {
  livingid: string;
  live: LiveRecord;
  pulls: PlannedPull[];
  /** True when the key had already created this live (nothing new was created). */
  replayed: boolean;
  /** True when an ambiguous create was resolved by finding the live WeCom had made. */
  reconciled: boolean;
}

export interface LiveWithPulls {
  live: LiveRecord;
  pulls: PlannedPull[];
}

/** `live-create.checkImage` answer: the image passed the checks; a preview for the form. */
export interface CheckedImageAnswer {
  fileId: string;
  name: string;
  size: number;
  dataUrl: string;
}

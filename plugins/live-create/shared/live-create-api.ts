import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { PullStage } from './live-rules.js';

/** `live-create.create` input (docs/architecture.md "RPC and errors"; WeCom's field names where they mirror WeCom). */
export interface CreateLiveInput {
  anchor_userid: string;
  /** Stored locally only (R3.1, used by R4.6). */
  anchor_name?: string;
  theme: string;
  /** Unix seconds. */
  living_start: number;
  /** Seconds. */
  living_duration: number;
  type: number;
  description?: string;
  remind_time?: number;
  /** Uploaded files (FileTransfer) of the cover / share image, type 4 only; sent to WeCom at submit time. */
  cover_file_id?: string;
  share_file_id?: string;
  /** Same key, same live: a double click or a retried call never creates a second one. */
  idempotencyKey?: string;
}

export interface ModifyLiveInput {
  livingid: string;
  anchor_name?: string;
  theme?: string;
  living_start?: number;
  living_duration?: number;
  type?: number;
  description?: string;
  remind_time?: number;
}

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

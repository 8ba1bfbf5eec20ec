/** The job contract (docs/architecture.md "Jobs and events"). */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobSnapshot {
  jobId: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  message: string;
  result?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

export const TERMINAL_JOB_STATES: readonly JobState[] = ['done', 'failed', 'cancelled'];

// The `jobs.*` channels (host/runtime/jobs/job-channels.ts), declared once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';
import type { JobSnapshot } from './jobs.js';

const ByJob = z.object({ jobId: z.string().min(1) });

/** A job the caller may see (docs/architecture.md "Jobs and events"). */
export const JOBS_GET = defineChannel({
  name: 'jobs.get',
  input: ByJob,
  output: returns<JobSnapshot>(),
  minTier: 'user',
});

export const JOBS_CANCEL = defineChannel({
  name: 'jobs.cancel',
  input: ByJob,
  output: returns<JobSnapshot>(),
  minTier: 'user',
});

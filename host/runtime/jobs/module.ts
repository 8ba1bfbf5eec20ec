import type { HostModule } from '../core/host-module.js';
import { FileStore } from './file-store.js';
import { JobChannels } from './job-channels.js';
import { JobService } from './job-service.js';
import { JobStore } from './job-store.js';

/** Jobs and the files they read and write, owned by an account (docs/architecture.md "Jobs and events"). */
export const jobsModule: HostModule = {
  name: 'jobs',
  services: [JobStore, JobService, FileStore, JobChannels],
  register: (container) => container.resolve(JobChannels).register(),
};

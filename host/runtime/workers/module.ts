import type { HostModule } from '../core/host-module.js';
import { WorkerPool } from './worker-pool.js';

/** Heavy work off the main thread (docs/architecture.md "Workers"). */
export const workersModule: HostModule = {
  name: 'workers',
  services: [WorkerPool],
};

import { accountsModule } from '../accounts/module.js';
import { auditModule } from '../audit/module.js';
import { configModule } from '../config/module.js';
import { jobsModule } from '../jobs/module.js';
import { liveStoreModule } from '../live-store/module.js';
import { pluginsModule } from '../plugin-host/module.js';
import { reportsModule } from '../reports/module.js';
import { retentionModule } from '../retention/module.js';
import { rpcModule } from '../rpc/module.js';
import { wecomModule } from '../wecom/module.js';
import { workersModule } from '../workers/module.js';
import type { HostModule } from './host-module.js';
import { coreModule } from './module.js';

/**
 * Every concern of the host, in the order their `register` steps run (each registers its own channels,
 * declared in sdk/contracts/<namespace>-channels.ts). The router's module comes first: every later module adds
 * channels to it.
 */
export const HOST_MODULES: readonly HostModule[] = [
  coreModule,
  rpcModule,
  pluginsModule,
  jobsModule,
  workersModule,
  auditModule,
  accountsModule,
  wecomModule,
  retentionModule,
  configModule,
  liveStoreModule,
  reportsModule,
];

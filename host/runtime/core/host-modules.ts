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
 * Every concern of the host, in the order their `register` steps run: the router first, so every
 * later module can add channels; the accounts before the WeCom connection, whose error completion
 * (the trusted-IP list of a 60020) the accounts' channels install.
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

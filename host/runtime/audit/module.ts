import type { HostModule } from '../core/host-module.js';
import { AuditChannels } from './audit-channels.js';
import { AuditLog } from './audit-log.js';

/** root-admin's 审计日志 (R8): the log every concern records to, and its channels. */
export const auditModule: HostModule = {
  name: 'audit',
  services: [AuditLog, AuditChannels],
  register: (container) => container.resolve(AuditChannels).register(),
};

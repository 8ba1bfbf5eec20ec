import type { HostModule } from '../core/host-module.js';
import { AuditLog } from './audit-log.js';

/** root-admin's 审计日志 (R8). Its channels are registered with the accounts' (accounts/account-channels.ts). */
export const auditModule: HostModule = {
  name: 'audit',
  services: [AuditLog],
};

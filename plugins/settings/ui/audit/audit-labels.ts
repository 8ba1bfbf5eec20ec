import { auditActionLabel } from '../../../../sdk/contracts/audit-actions.js';
import type { AuditRow } from '../../../../sdk/contracts/audit-channels.js';

// The labels are shared with the host's Excel export (sdk/contracts/audit-actions.ts).
export { AUDIT_ACTION_LABELS } from '../../../../sdk/contracts/audit-actions.js';

export function actionLabel(row: Pick<AuditRow, 'action' | 'detail'>): string {
  return auditActionLabel(row.action, row.detail);
}

import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AUDIT_EXPORT, AUDIT_LIST, type AuditRow } from '../../../sdk/contracts/audit-channels.js';
import { KNEX } from '../core/tokens.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { AuditExport, filteredAuditLog } from './audit-export.js';
import { AuditLog } from './audit-log.js';
import type { AuditLogRow } from './audit-workbook.js';

/** The `audit.*` channels (declared in sdk/contracts/audit-channels.ts): root-admin's 审计日志 (R8). */
@injectable()
export class AuditChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly audit: AuditLog,
    private readonly auditExport: AuditExport,
    @inject(KNEX) private readonly db: Knex,
  ) {}

  register(): void {
    this.router.handle(AUDIT_LIST, async ({ page, pageSize, ...filter }) => {
      const base = filteredAuditLog(this.db, filter);
      const [{ n }] = (await base.clone().count({ n: '*' })) as [{ n: number }];
      const rows = (await base
        .clone()
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as AuditLogRow[];
      return {
        total: Number(n),
        rows: rows.map((row): AuditRow => ({
          ...row,
          ok: Boolean(row.ok),
          detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as AuditRow['detail']) : null,
        })),
      };
    });
    // The same rows as `audit.list` (same tier, same filters), as a workbook in exports/.
    this.router.handle(AUDIT_EXPORT, async (filter, call) => {
      const result = await this.auditExport.write(filter, call);
      await this.audit.record({
        actor: call.user,
        action: 'audit.export',
        ok: true,
        detail: { rows: result.rows, ...(filter.action === undefined ? {} : { action: filter.action }) },
      });
      return result;
    });
  }
}

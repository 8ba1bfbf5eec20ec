import type { Knex } from 'knex';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { inject, injectable } from 'tsyringe';
import {
  AuditFilterSchema,
  type AuditExportResult,
  type AuditFilter,
} from '../../../sdk/contracts/audit-channels.js';
import type { SignedInCall } from '../../../sdk/contracts/channel.js';
import { fileStamp } from '../../../sdk/contracts/zoned-time.js';
import { AUDIT_WORKBOOK_WORKER, type AuditLogRow, type AuditWorkbookTask } from './audit-workbook.js';
import { FileStore } from '../jobs/file-store.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX } from '../core/tokens.js';
import { WorkerPool } from '../workers/worker-pool.js';

export { AuditFilterSchema, type AuditExportResult, type AuditFilter };

/** The audit log narrowed by the filter (newest first is the caller's to ask). */
export function filteredAuditLog(db: Knex, filter: AuditFilter): Knex.QueryBuilder {
  return db('audit_log').modify((query) =>
    filter.action === undefined ? query : query.where({ action: filter.action }),
  );
}

/**
 * `audit.export`: the audit log (with `audit.list`'s filters) as an .xlsx in exports/, owned by the
 * caller. The rows are one SELECT, so one consistent snapshot; the workbook is streamed to disk.
 */
@injectable()
export class AuditExport {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    private readonly files: FileStore,
    private readonly workers: WorkerPool,
  ) {}

  async write(filter: AuditFilter, call: SignedInCall): Promise<AuditExportResult> {
    const rows = (await filteredAuditLog(this.db, filter).orderBy('id', 'desc')) as AuditLogRow[];
    const timeZone = this.settings.timeZone;
    const stored = await this.files.createExport(
      `审计日志-${fileStamp(this.clock.now(), timeZone)}.xlsx`,
      call.user.userid,
      call.corp?.corpId ?? null,
    );
    try {
      // Built in a worker thread: 100,000 rows take seconds the host keeps answering meanwhile.
      await this.workers.run<AuditWorkbookTask, void>(AUDIT_WORKBOOK_WORKER, {
        path: stored.path,
        rows,
        timeZone,
        now: this.clock.now(),
      });
      const finished = await this.files.finalize(stored.fileId);
      return { fileId: finished.fileId, name: finished.name, rows: rows.length };
    } catch (error) {
      // No half-written export stays behind, on disk or in the files table.
      rmSync(dirname(stored.path), { recursive: true, force: true });
      await this.db('files').where({ id: stored.fileId }).delete();
      throw error;
    }
  }
}

// The `audit.*` channels (host/runtime/audit/audit-channels.ts): root-admin's 审计日志 (R8), declared
// once for both ends.
import { z } from 'zod';
import { defineChannel, returns } from './channel.js';

/** The filters `audit.list` and `audit.export` share. */
export const AuditFilterSchema = z.object({ action: z.string().optional() });
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** One row of `audit.list` (the table's columns as they are). */
export interface AuditRow {
  id: number;
  at: number;
  actor_userid: string | null;
  actor_tier: string | null;
  action: string;
  target: string | null;
  ok: boolean;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

/** What `audit.export` answers: the stored workbook, for `files.saveAs` or a download ticket. */
export interface AuditExportResult {
  fileId: string;
  name: string;
  rows: number;
}

/** A page of the log, newest first. */
export const AUDIT_LIST = defineChannel({
  name: 'audit.list',
  input: AuditFilterSchema.extend({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
  output: returns<AuditPage>(),
  minTier: 'root-admin',
});

/** The same rows as `audit.list` (same tier, same filters), as a workbook in exports/. */
export const AUDIT_EXPORT = defineChannel({
  name: 'audit.export',
  input: AuditFilterSchema,
  output: returns<AuditExportResult>(),
  minTier: 'root-admin',
});

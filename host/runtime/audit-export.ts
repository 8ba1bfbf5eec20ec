import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { inject, injectable } from 'tsyringe';
import { z } from 'zod';
import { auditActionLabel } from '../../sdk/contracts/audit-actions.js';
import { TIER_LABELS, type Tier } from '../../sdk/contracts/tiers.js';
import type { CallContext } from '../../sdk/main/plugin-context.js';
import { fileStamp, wallClockDate } from '../../sdk/contracts/zoned-time.js';
import { FileStore } from './file-store.js';
import type { Clock, HostSettings } from './runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX } from './tokens.js';

/** The filters `audit.list` and `audit.export` share. */
export const AuditFilterSchema = z.object({ action: z.string().optional() });
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** The audit log narrowed by the filter (newest first is the caller's to ask). */
export function filteredAuditLog(db: Knex, filter: AuditFilter): Knex.QueryBuilder {
  return db('audit_log').modify((query) =>
    filter.action === undefined ? query : query.where({ action: filter.action }),
  );
}

interface AuditLogRow {
  id: number;
  at: number;
  actor_userid: string | null;
  actor_tier: string | null;
  action: string;
  target: string | null;
  ok: number | boolean;
  detail: string | null;
}

/** What `audit.export` answers: the stored workbook, for `files.saveAs` or a download ticket. */
export interface AuditExportResult {
  fileId: string;
  name: string;
  rows: number;
}

const SHEET_NAME = '审计日志';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MAX_TEXT_WIDTH = 60;
const YIELD_EVERY_ROWS = 2000;

interface Column {
  header: string;
  key: string;
  /** A fixed width; text columns are sized to their content instead. */
  width?: number;
  style?: Partial<ExcelJS.Style>;
}

const COLUMNS: Column[] = [
  { header: '编号', key: 'id', width: 10 },
  { header: '时间', key: 'at', width: 21, style: { numFmt: DATE_FORMAT, alignment: { horizontal: 'left' } } },
  { header: '操作人', key: 'actor' },
  { header: '身份', key: 'tier' },
  { header: '操作', key: 'action' },
  { header: '对象', key: 'target' },
  { header: '结果', key: 'result', width: 8 },
  { header: '详情', key: 'detail' },
];

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return width;
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function tierLabel(tier: string | null): string {
  if (tier === null) return '';
  return tier in TIER_LABELS ? TIER_LABELS[tier as Tier] : tier;
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
  ) {}

  async write(filter: AuditFilter, call: CallContext): Promise<AuditExportResult> {
    const rows = (await filteredAuditLog(this.db, filter).orderBy('id', 'desc')) as AuditLogRow[];
    const timeZone = this.settings.timeZone;
    const stored = await this.files.createExport(
      `审计日志-${fileStamp(this.clock.now(), timeZone)}.xlsx`,
      call.user?.userid ?? null,
      call.corp?.corpId ?? null,
    );
    try {
      await this.writeWorkbook(stored.path, rows, timeZone);
      const finished = await this.files.finalize(stored.fileId);
      return { fileId: finished.fileId, name: finished.name, rows: rows.length };
    } catch (error) {
      // No half-written export stays behind, on disk or in the files table.
      rmSync(dirname(stored.path), { recursive: true, force: true });
      await this.db('files').where({ id: stored.fileId }).delete();
      throw error;
    }
  }

  /** Wide enough for the header and the widest value (with a little air), but never huge. */
  private widthOf(column: Column, values: Record<string, unknown>[]): number {
    let widest = displayWidth(column.header);
    for (const value of values) {
      widest = Math.max(widest, displayWidth(String(value[column.key] ?? '')));
      if (widest >= MAX_TEXT_WIDTH) return MAX_TEXT_WIDTH;
    }
    return Math.min(MAX_TEXT_WIDTH, widest + 2);
  }

  private async writeWorkbook(path: string, rows: AuditLogRow[], timeZone: string): Promise<void> {
    const values = rows.map((row) => {
      const detail = parseDetail(row.detail);
      return {
        id: row.id,
        at: wallClockDate(row.at, timeZone),
        actor: row.actor_userid ?? '（未登录）',
        tier: tierLabel(row.actor_tier),
        action: auditActionLabel(row.action, detail),
        target: row.target ?? '',
        result: row.ok ? '成功' : '失败',
        detail: detail === null ? '' : JSON.stringify(detail),
      };
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'WeCom Live';
    workbook.created = new Date(this.clock.now());
    const sheet = workbook.addWorksheet(SHEET_NAME, {
      views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
    });
    sheet.columns = COLUMNS.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? this.widthOf(column, values),
      ...(column.style === undefined ? {} : { style: column.style }),
    }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    for (const [index, value] of values.entries()) {
      sheet.addRow(value).commit();
      // A long export (100 000 rows take seconds) lets other calls have their turn meanwhile.
      if (index % YIELD_EVERY_ROWS === YIELD_EVERY_ROWS - 1) await new Promise((done) => setImmediate(done));
    }
    sheet.commit();
    await workbook.commit();
  }
}

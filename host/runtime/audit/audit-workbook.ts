// The audit export's workbook (exceljs streaming writer: Chinese headers, content-sized columns, frozen
// header, dates as Excel dates in the configured zone), built in a worker thread (worker-pool.ts).
import ExcelJS from 'exceljs';
import { auditActionLabel } from '../../../sdk/contracts/audit-actions.js';
import { auditDetailText } from '../../../sdk/contracts/audit-details.js';
import { TIER_LABELS, type Tier } from '../../../sdk/contracts/tiers.js';
import { wallClockDate } from '../../../sdk/contracts/zoned-time.js';
import { nextTurn } from '../../../sdk/main/event-loop.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';

export interface AuditLogRow {
  id: number;
  at: number;
  actor_userid: string | null;
  actor_tier: string | null;
  action: string;
  target: string | null;
  ok: number | boolean;
  detail: string | null;
}

export interface AuditWorkbookTask {
  path: string;
  rows: AuditLogRow[];
  timeZone: string;
  now: number;
}

export const AUDIT_WORKBOOK_WORKER = new URL('./audit-workbook.js', import.meta.url);

export const task: WorkerTask<AuditWorkbookTask, void> = (input) =>
  writeWorkbook(input.path, input.rows, input.timeZone, input.now);

const SHEET_NAME = '审计日志';
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MAX_TEXT_WIDTH = 60;
const YIELD_EVERY_ROWS = 2000;
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

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

/** Wide enough for the header and the widest value (with a little air), but never huge. */
function widthOf(column: Column, values: Record<string, unknown>[]): number {
  let widest = displayWidth(column.header);
  for (const value of values) {
    widest = Math.max(widest, displayWidth(String(value[column.key] ?? '')));
    if (widest >= MAX_TEXT_WIDTH) return MAX_TEXT_WIDTH;
  }
  return Math.min(MAX_TEXT_WIDTH, widest + 2);
}

async function writeWorkbook(
  path: string,
  rows: AuditLogRow[],
  timeZone: string,
  now: number,
): Promise<void> {
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
      // Readable Chinese pairs, not the stored JSON with its English keys.
      detail: auditDetailText(detail, (epochMs) => wallClockDate(epochMs, timeZone)),
    };
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'WeCom Live';
  workbook.created = new Date(now);
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width ?? widthOf(column, values),
    ...(column.style === undefined ? {} : { style: column.style }),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.commit();
  // One style object per column, shared by its cells: exceljs looks a style up by identity, and its
  // default (a fresh copy of the column style per cell) renders a style per cell.
  const styles = COLUMNS.map((column) => column.style ?? PLAIN_STYLE);
  for (const [index, value] of values.entries()) {
    const row = sheet.addRow(value);
    styles.forEach((style, column) => (row.getCell(column + 1).style = style));
    row.commit();
    // A long export (100 000 rows take seconds) lets other calls have their turn meanwhile.
    if (index % YIELD_EVERY_ROWS === YIELD_EVERY_ROWS - 1) await nextTurn();
  }
  sheet.commit();
  await workbook.commit();
}

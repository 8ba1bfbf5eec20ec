// Runs a report's queries in a worker thread (host/runtime/workers/worker-pool.ts): its own read-only connection
// scoped to the caller's corp (report-connection.ts), parameters bound by name, a row cap per query and
// a deadline that stops a runaway scan inside SQLite; the pool terminates the worker if it overruns.
import { AppError } from '../../../sdk/contracts/errors.js';
import type { ReportQueryResult } from '../../../sdk/contracts/reports.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { openReportConnection, prepareReportQuery, reportRunError } from './report-connection.js';

export const REPORT_QUERY_WORKER = new URL('./report-query-worker.js', import.meta.url);

export interface ReportQueryTask {
  databaseFile: string;
  corpId: string;
  title: string;
  queries: Array<{ id: string; sql: string; maxRows: number }>;
  bindings: Record<string, string | number | null>;
  /** Every parameter name a query may use. */
  allowed: string[];
  timeoutMs: number;
}

/** A value that survives the trip back as plain data (blobs become hex text). */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return String(value);
}

export const task: WorkerTask<ReportQueryTask, Record<string, ReportQueryResult>> = async (input) => {
  const connection = openReportConnection(input.databaseFile, input.corpId, Date.now() + input.timeoutMs);
  const allowed = new Set(input.allowed);
  const results: Record<string, ReportQueryResult> = {};
  try {
    for (const query of input.queries) {
      try {
        const prepared = prepareReportQuery(connection, query.sql, allowed);
        // Whole numbers bind as SQLite integers (a JavaScript number would bind as a REAL: 10 → '10.0').
        const bound = Object.fromEntries(
          prepared.parameters.map((name) => {
            const value = input.bindings[name] ?? null;
            return [name, typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value];
          }),
        );
        const rows: unknown[][] = [];
        for (const row of prepared.statement.raw(true).iterate(bound) as Iterable<unknown[]>) {
          if (rows.length >= query.maxRows) {
            throw new AppError(
              'CONFLICT',
              `报表「${input.title}」的查询 ${query.id} 超过 ${query.maxRows} 行上限，已停止：请缩小日期范围或条件，或在报表中汇总后再输出。`,
              { reason: 'row-cap', query: query.id, maxRows: query.maxRows },
            );
          }
          rows.push(row.map(plain));
        }
        results[query.id] = { columns: prepared.columns, rows };
      } catch (error) {
        throw reportRunError(input.title, query.id, error);
      }
    }
  } finally {
    connection.db.close();
  }
  return results;
};

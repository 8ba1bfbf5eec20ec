// Report plugins (docs/report-plugins.md): the folders of `<data-dir>/reports`, scanned at start and on
// 重新扫描; each validated (report-validation.ts) and hashed (sha256 of report.json). A report runs only
// while the hash root-admin enabled (`report_states.enabled_hash`) is its current one: a new or changed
// report waits, disabled, for root-admin. Runs and exports go through a worker thread on a read-only,
// corp-scoped connection (report-query-worker.ts) with a timeout and a row cap. A broken report is
// listed as failed with its reason; nothing else is affected.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import {
  REPORT_MAX_ROWS,
  type ReportColumn,
  type ReportDefinition,
} from '../../../sdk/contracts/report-definition.js';
import { bindChartOption, chartColumns } from '../../../sdk/contracts/report-format.js';
import type {
  ReportExample,
  ReportExportResult,
  ReportListRow,
  ReportMenuEntry,
  ReportParameterValues,
  ReportQueryResult,
  ReportRunResult,
  ReportView,
} from '../../../sdk/contracts/reports.js';
import { TIER_LABELS, tierAtLeast } from '../../../sdk/contracts/tiers.js';
import { fileStamp } from '../../../sdk/contracts/zoned-time.js';
import type { CorpCall, SignedInCall } from '../../../sdk/contracts/channel.js';
import { appVersion } from '../core/app-info.js';
import { EventBus } from '../core/event-bus.js';
import { FileStore } from '../jobs/file-store.js';
import type { Clock, HostSettings, RuntimeOptions } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX, LOGGER, RUNTIME_OPTIONS } from '../core/tokens.js';
import { WorkerPool } from '../workers/worker-pool.js';
import { bindingNames, bindParameters, defaultValues } from './report-params.js';
import { REPORT_QUERY_WORKER, type ReportQueryTask } from './report-query-worker.js';
import { checkReport } from './report-validation.js';
import {
  REPORT_WORKBOOK_WORKER,
  type ReportWorkbookResult,
  type ReportWorkbookTask,
} from './report-workbook.js';

export const REPORT_FILE = 'report.json';
export const DEFAULT_REPORT_TIMEOUT_MS = 15_000;
/** The examples shipped with the app (examples/reports, copied next to the compiled host). */
export const BUILT_IN_EXAMPLES = new URL('../../../examples/reports', import.meta.url);

interface LoadedReport {
  id: string;
  folder: string;
  dir: string;
  hash: string | null;
  definition: ReportDefinition | null;
  reason: string | null;
  engineOk: boolean | null;
  title: string | null;
  version: string | null;
  engine: string | null;
}

@injectable()
export class ReportService {
  private reports = new Map<string, LoadedReport>();
  private enabledHashes = new Map<string, string>();
  // One scan or switch at a time: they read and write the same map and table.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly log: Logger,
    private readonly bus: EventBus,
    private readonly workers: WorkerPool,
    private readonly files: FileStore,
  ) {}

  get folder(): string {
    return this.options.reports?.dir ?? join(this.settings.dataDir, 'reports');
  }

  private get examplesDir(): string {
    return this.options.reports?.examplesDir ?? fileURLToPath(BUILT_IN_EXAMPLES);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads every report folder again (at start and on 重新扫描); answers the list. */
  scan(): Promise<ReportListRow[]> {
    return this.serial(async () => {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      const rows = (await this.db('report_states').whereNotNull('enabled_hash')) as Array<{
        report_id: string;
        enabled_hash: string;
      }>;
      this.enabledHashes = new Map(rows.map((row) => [row.report_id, row.enabled_hash]));
      const found = new Map<string, LoadedReport>();
      const folders = readdirSync(this.folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort();
      for (const folder of folders) found.set(folder, this.load(folder));
      this.reports = found;
      const states = this.list().map((row) => `${row.id}:${row.state}`);
      this.log.info({ folder: this.folder, reports: states }, 'reports scanned');
      this.bus.publish('reports.changed', {}, { kind: 'all' });
      return this.list();
    });
  }

  private load(folder: string): LoadedReport {
    const dir = join(this.folder, folder);
    const file = join(dir, REPORT_FILE);
    const empty = {
      id: folder,
      folder,
      dir,
      definition: null,
      engineOk: null,
      title: null,
      version: null,
      engine: null,
    };
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return {
        ...empty,
        hash: null,
        reason: `报表「${folder}」缺少 ${REPORT_FILE}：每个报表文件夹里需要一个 ${REPORT_FILE}。`,
      };
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    try {
      const check = checkReport(bytes.toString('utf8'), folder, appVersion(), this.settings.databaseFile);
      return { ...empty, ...check, hash };
    } catch (error) {
      this.log.warn({ err: error, report: folder }, 'report check failed');
      return {
        ...empty,
        hash,
        reason: `报表「${folder}」无法检查：${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  list(): ReportListRow[] {
    return [...this.reports.values()].map((report) => {
      const enabledHash = this.enabledHashes.get(report.id) ?? null;
      const state =
        report.definition === null
          ? 'failed'
          : enabledHash !== null && enabledHash === report.hash
            ? 'enabled'
            : 'disabled';
      return {
        id: report.id,
        folder: report.dir,
        state,
        title: report.definition?.title ?? report.title,
        version: report.definition?.version ?? report.version,
        engine: report.definition?.engine ?? report.engine,
        engineOk: report.engineOk,
        tier: report.definition?.tier ?? null,
        hash: report.hash,
        enabledHash,
        changed: enabledHash !== null && enabledHash !== report.hash,
        reason: report.reason,
      };
    });
  }

  /** root-admin's switch: enabling approves the report.json as it is now (its hash). Live. */
  setEnabled(id: string, enabled: boolean, actor: string): Promise<ReportListRow[]> {
    return this.serial(async () => {
      const report = this.reports.get(id);
      if (report === undefined) throw new AppError('NOT_FOUND', `报表不存在：${id}（请先重新扫描）`, { id });
      if (enabled && (report.definition === null || report.hash === null)) {
        throw new AppError('CONFLICT', report.reason ?? `报表「${id}」无效，不能启用。`, { id });
      }
      const enabledHash = enabled ? report.hash : null;
      await this.db('report_states')
        .insert({ report_id: id, enabled_hash: enabledHash, updated_at: this.clock.now(), updated_by: actor })
        .onConflict('report_id')
        .merge();
      if (enabledHash === null) this.enabledHashes.delete(id);
      else this.enabledHashes.set(id, enabledHash);
      this.bus.publish('reports.changed', {}, { kind: 'all' });
      return this.list();
    });
  }

  /** The enabled reports this account may run (its menu). */
  available(call: SignedInCall): ReportMenuEntry[] {
    const tier = call.user.tier;
    // root-admin has no corp: reports read a corp's data.
    if (call.corp === null) return [];
    return [...this.reports.values()]
      .filter(
        (report) => this.isEnabled(report) && tierAtLeast(tier, report.definition?.tier ?? 'root-admin'),
      )
      .map((report) => {
        const definition = report.definition as ReportDefinition;
        return {
          id: report.id,
          title: definition.title,
          icon: definition.icon,
          description: definition.description ?? null,
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  }

  private isEnabled(report: LoadedReport): boolean {
    return (
      report.definition !== null && report.hash !== null && this.enabledHashes.get(report.id) === report.hash
    );
  }

  /** The enabled report for this caller; NOT_FOUND when absent or disabled, FORBIDDEN below its tier. */
  private usable(id: string, call: SignedInCall): ReportDefinition {
    const report = this.reports.get(id);
    if (report === undefined || !this.isEnabled(report) || report.definition === null) {
      throw new AppError('NOT_FOUND', `报表「${id}」不存在或未启用，请联系超级管理员。`, { id });
    }
    const need = report.definition.tier;
    if (!tierAtLeast(call.user.tier, need)) {
      throw new AppError('FORBIDDEN', `报表「${report.definition.title}」需要${TIER_LABELS[need]}权限。`, {
        requiredTier: need,
      });
    }
    return report.definition;
  }

  view(id: string, call: CorpCall): ReportView & { defaults: ReportParameterValues } {
    const report = this.usable(id, call);
    return {
      id: report.id,
      title: report.title,
      description: report.description ?? null,
      icon: report.icon,
      parameters: report.parameters,
      table: {
        query: report.table.query,
        columns: report.table.columns,
        sort: report.table.sort ?? null,
        pageSize: report.table.pageSize,
      },
      charts: report.charts,
      timeZone: this.settings.timeZone,
      defaults: defaultValues(report, this.clock.now(), this.settings.timeZone),
    };
  }

  /** Runs the queries named (all by default) for the caller's corp. */
  private async runQueries(
    report: ReportDefinition,
    values: ReportParameterValues,
    call: CorpCall,
    queryIds?: ReadonlySet<string>,
  ): Promise<Record<string, ReportQueryResult>> {
    const corpId = call.corp.corpId;
    const bindings = bindParameters(report, values, this.clock.now(), this.settings.timeZone);
    const cap = this.options.reports?.maxRows ?? REPORT_MAX_ROWS;
    const timeoutMs = this.options.reports?.timeoutMs ?? DEFAULT_REPORT_TIMEOUT_MS;
    const input: ReportQueryTask = {
      databaseFile: this.settings.databaseFile,
      corpId,
      title: report.title,
      queries: report.queries
        .filter((query) => queryIds === undefined || queryIds.has(query.id))
        .map((query) => ({ id: query.id, sql: query.sql, maxRows: Math.min(query.maxRows ?? cap, cap) })),
      bindings,
      allowed: bindingNames(report.parameters),
      timeoutMs,
    };
    try {
      // The worker's own limit is a little longer: the query's deadline should speak first.
      return await this.workers.run<ReportQueryTask, Record<string, ReportQueryResult>>(
        REPORT_QUERY_WORKER,
        input,
        {
          timeoutMs: timeoutMs + 5_000,
          maxMemoryMb: 512,
        },
      );
    } catch (error) {
      if (error instanceof AppError && error.details?.['reason'] === 'worker-timeout') {
        throw new AppError(
          'CONFLICT',
          `报表「${report.title}」运行超时，已停止：请缩小日期范围或条件后重试。`,
          {
            reason: 'timeout',
          },
        );
      }
      if (error instanceof AppError && error.code === 'INTERNAL') {
        throw new AppError('CONFLICT', `报表「${report.title}」运行失败：${error.message}`, {
          reason: String(error.details?.['reason'] ?? 'worker'),
        });
      }
      throw error;
    }
  }

  async run(id: string, values: ReportParameterValues, call: CorpCall): Promise<ReportRunResult> {
    const report = this.usable(id, call);
    const needed = new Set([report.table.query, ...report.charts.map((chart) => chart.query)]);
    const results = await this.runQueries(report, values, call, needed);
    return { results, ranAt: this.clock.now() };
  }

  async export(id: string, values: ReportParameterValues, call: CorpCall): Promise<ReportExportResult> {
    const report = this.usable(id, call);
    const results = await this.runQueries(report, values, call);
    const timeZone = this.settings.timeZone;
    const known = new Map(report.table.columns.map((column) => [column.key, column]));
    const columnsOf = (result: ReportQueryResult): ReportColumn[] =>
      result.columns.map((key) => known.get(key) ?? { key, label: key, format: 'text' });
    const empty: ReportQueryResult = { columns: [], rows: [] };
    const task: ReportWorkbookTask = {
      path: '',
      title: report.title,
      timeZone,
      exportedAt: this.clock.now(),
      parameters: parameterTexts(report, values, this.clock.now(), timeZone),
      sheets: report.export.sheets.map((sheet) => {
        const result = results[sheet.query] ?? empty;
        const columns =
          sheet.columns ?? (sheet.query === report.table.query ? report.table.columns : columnsOf(result));
        return { name: sheet.name, columns, result };
      }),
      analysis:
        report.charts.length === 0
          ? null
          : {
              name: report.export.analysisSheet,
              charts: report.charts.map((chart) => {
                const answer = results[chart.query] ?? empty;
                // The figures beside the picture: the columns the chart draws (all for a `$rows` chart).
                const drawn = chartColumns(chart.option);
                const keep = drawn.length === 0 ? answer.columns : drawn;
                const indexes = keep.map((key) => answer.columns.indexOf(key));
                const result = { columns: keep, rows: answer.rows.map((row) => indexes.map((i) => row[i])) };
                return {
                  id: chart.id,
                  title: chart.title,
                  option: bindChartOption(chart.option, answer.columns, answer.rows),
                  height: chart.height,
                  columns: columnsOf(result),
                  result,
                };
              }),
            },
    };
    const stored = await this.files.createExport(
      `${report.title}-${fileStamp(this.clock.now(), timeZone)}.xlsx`,
      call.user.userid,
      call.corp.corpId,
    );
    try {
      const outcome = await this.workers.run<ReportWorkbookTask, ReportWorkbookResult>(
        REPORT_WORKBOOK_WORKER,
        {
          ...task,
          path: stored.path,
        },
      );
      if (outcome.notes.length > 0)
        this.log.info({ report: id, notes: outcome.notes }, 'report export: charts as tables');
      const finished = await this.files.finalize(stored.fileId);
      const rows = task.sheets.reduce((sum, sheet) => sum + sheet.result.rows.length, 0);
      return { fileId: finished.fileId, name: finished.name, rows };
    } catch (error) {
      rmSync(dirname(stored.path), { recursive: true, force: true });
      await this.db('files').where({ id: stored.fileId }).delete();
      throw error;
    }
  }

  /** The reports shipped with the app. */
  examples(): ReportExample[] {
    const root = this.examplesDir;
    if (!existsSync(root)) return [];
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, REPORT_FILE)))
      .map((entry) => {
        const raw = JSON.parse(readFileSync(join(root, entry.name, REPORT_FILE), 'utf8')) as {
          title?: string;
          description?: string;
        };
        return {
          id: entry.name,
          title: raw.title ?? entry.name,
          description: raw.description ?? '',
          installed: existsSync(join(this.folder, entry.name, REPORT_FILE)),
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Copies an example into the reports folder (replacing an older copy), scans, and enables it: root-admin
   * clicking 安装 approves the shipped file. Answers the list.
   */
  async installExample(id: string, actor: string): Promise<ReportListRow[]> {
    const example = this.examples().find((candidate) => candidate.id === id);
    if (example === undefined) throw new AppError('NOT_FOUND', `没有这个示例报表：${id}`, { id });
    const target = join(this.folder, id);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    cpSync(join(this.examplesDir, id), target, { recursive: true });
    await this.scan();
    const row = this.list().find((candidate) => candidate.id === id);
    if (row?.state === 'failed')
      throw new AppError('CONFLICT', row.reason ?? `示例报表「${id}」无效。`, { id });
    return this.setEnabled(id, true, actor);
  }
}

/** The parameters as the workbook's header lists them. */
function parameterTexts(
  report: ReportDefinition,
  values: ReportParameterValues,
  now: number,
  timeZone: string,
): Array<[string, string]> {
  const defaults = defaultValues(report, now, timeZone);
  return report.parameters.map((p) => {
    const value = values[p.name] ?? defaults[p.name] ?? null;
    if (value === null || value === '') return [p.label, '（未填写）'];
    if (typeof value === 'object') return [p.label, `${value.from} 至 ${value.to}`];
    if (typeof value === 'boolean') return [p.label, value ? '是' : '否'];
    return [p.label, String(value)];
  });
}

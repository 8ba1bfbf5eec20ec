// Checks one report folder's report.json (docs/report-plugins.md): JSON, the schema, the id, the engine
// range, then every query prepared against the read views (report-connection.ts) and every column the
// table, the charts and the sheets name against what its query answers. A failure names the report, the
// field and what to fix, in Chinese. Used by the host's scan and by `npm run check-report`.
import semver from 'semver';
import type { z } from 'zod';
import { ReportDefinitionSchema, type ReportDefinition } from '../../../sdk/contracts/report-definition.js';
import { chartColumns } from '../../../sdk/contracts/report-format.js';
import { openReportConnection, prepareReportQuery, ReportSqlError } from './report-connection.js';
import { bindingNames } from './report-params.js';

export interface ReportCheck {
  definition: ReportDefinition | null;
  /** Null when valid. */
  reason: string | null;
  /** Null when the engine range could not be read. */
  engineOk: boolean | null;
  /** What could be read even from an invalid file (for the list). */
  title: string | null;
  version: string | null;
  engine: string | null;
}

/** `queries.0.sql` → `queries[0].sql`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return '内容无效';
  const field = issue.path.length === 0 ? '（顶层）' : fieldPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `不认识的字段 ${issue.keys.join('、')}（请删除或检查拼写）`;
  return `字段 ${field}：${message}`;
}

function stringField(raw: unknown, key: string): string | null {
  const value = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

export function checkReport(
  text: string,
  folder: string,
  appVersion: string,
  databaseFile: string,
): ReportCheck {
  const label = `报表「${folder}」的 report.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = `${label} 不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）：请检查括号、逗号和引号。`;
    return { definition: null, reason, engineOk: null, title: null, version: null, engine: null };
  }
  const base = {
    title: stringField(raw, 'title'),
    version: stringField(raw, 'version'),
    engine: stringField(raw, 'engine'),
  };
  const fail = (reason: string, engineOk: boolean | null = null): ReportCheck => ({
    definition: null,
    reason: `${label}：${reason}`,
    engineOk,
    ...base,
  });
  const parsed = ReportDefinitionSchema.safeParse(raw);
  const engineOk =
    base.engine !== null && semver.validRange(base.engine) !== null
      ? semver.satisfies(appVersion, base.engine)
      : null;
  if (!parsed.success) return fail(firstIssue(parsed.error), engineOk);
  const report = parsed.data;
  if (report.id !== folder) {
    return fail(`字段 id：「${report.id}」与文件夹名「${folder}」不同，请让两者一致。`, engineOk);
  }
  if (engineOk !== true) {
    return fail(
      `字段 engine：报表要求主程序版本 ${report.engine}，当前版本为 ${appVersion}；请修改 engine 范围（如 ^1.0.0）。`,
      false,
    );
  }
  const problem = checkQueries(report, databaseFile);
  if (problem !== null) return fail(problem, true);
  return { definition: report, reason: null, engineOk: true, ...base };
}

/** Prepares every query (no corp: no rows are read) and checks the columns named against them. */
function checkQueries(report: ReportDefinition, databaseFile: string): string | null {
  const connection = openReportConnection(databaseFile, '', null);
  const allowed = new Set(bindingNames(report.parameters));
  const columns = new Map<string, string[]>();
  try {
    for (const [index, query] of report.queries.entries()) {
      try {
        columns.set(query.id, prepareReportQuery(connection, query.sql, allowed).columns);
      } catch (error) {
        const why = error instanceof ReportSqlError ? error.message : String(error);
        return `字段 queries[${index}].sql（查询 ${query.id}）：${why}`;
      }
    }
  } finally {
    connection.db.close();
  }
  const missing = (queryId: string, key: string, field: string): string | null => {
    const known = columns.get(queryId) ?? [];
    if (known.includes(key)) return null;
    return `字段 ${field}：查询 ${queryId} 没有列「${key}」（它的列：${known.join('、')}），请改成其中之一或在 SQL 中用 AS 起这个名字。`;
  };
  for (const [index, column] of report.table.columns.entries()) {
    const problem = missing(report.table.query, column.key, `table.columns[${index}].key`);
    if (problem !== null) return problem;
  }
  for (const [index, chart] of report.charts.entries()) {
    for (const key of chartColumns(chart.option)) {
      const problem = missing(chart.query, key, `charts[${index}].option（$col:${key}）`);
      if (problem !== null) return problem;
    }
  }
  for (const [index, sheet] of report.export.sheets.entries()) {
    for (const [at, column] of (sheet.columns ?? []).entries()) {
      const problem = missing(sheet.query, column.key, `export.sheets[${index}].columns[${at}].key`);
      if (problem !== null) return problem;
    }
  }
  return null;
}

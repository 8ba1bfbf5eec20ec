// A report plugin's definition, `<data-dir>/reports/<id>/report.json` (docs/report-plugins.md). Data only:
// no code runs from a report folder. The host validates it with this schema, then prepares every query
// against the read views (host/runtime/reports/report-validation.ts); sdk/report-definition.schema.json
// is generated from it (`reportDefinitionJsonSchema`) for editors and `npm run check-report`.
import semver from 'semver';
import { z } from 'zod';

/** The read views a report's queries may name (migration 010; every column in docs/report-plugins.md). */
export const REPORT_VIEWS = [
  'report_v1_lives',
  'report_v1_viewers',
  'report_v1_checkin_rounds',
  'report_v1_checkin_records',
  'report_v1_inviters',
  'report_v1_members',
] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** The most rows one query may answer, whatever a report asks for. */
export const REPORT_MAX_ROWS = 50_000;

const NAME = /^[a-z][a-z0-9_]{0,39}$/;
const nameOf = (what: string) =>
  z.string().regex(NAME, `${what}只能包含小写字母、数字和下划线，并以字母开头（最多 40 个字符）`);

/** A day: `today`, `-7d` (seven days before today) or `2026-01-31`, read in the installation's zone. */
export const RelativeDateSchema = z
  .string()
  .regex(/^(today|-\d{1,4}d|\d{4}-\d{2}-\d{2})$/, '日期应为 today、-Nd（N 天前）或 YYYY-MM-DD');

const parameterBase = {
  name: nameOf('参数名'),
  label: z.string().min(1).max(30),
  /** Without a value the query gets NULL (the SQL decides what that means); required by default. */
  required: z.boolean().default(true),
  help: z.string().max(120).optional(),
};

export const ReportParameterSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...parameterBase, type: z.literal('date'), default: RelativeDateSchema.optional() }),
  z.strictObject({
    ...parameterBase,
    type: z.literal('dateRange'),
    default: z.strictObject({ from: RelativeDateSchema, to: RelativeDateSchema }).optional(),
  }),
  z.strictObject({
    ...parameterBase,
    type: z.literal('string'),
    default: z.string().max(200).optional(),
    maxLength: z.number().int().min(1).max(200).default(100),
  }),
  z.strictObject({
    ...parameterBase,
    type: z.literal('number'),
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.strictObject({ ...parameterBase, type: z.literal('boolean'), default: z.boolean().optional() }),
  /** A stored live of the caller's corp, bound as its livingid (the page offers a picker). */
  z.strictObject({ ...parameterBase, type: z.literal('live') }),
]);
export type ReportParameter = z.infer<typeof ReportParameterSchema>;
export type ReportParameterType = ReportParameter['type'];

export const REPORT_COLUMN_FORMATS = [
  'text',
  'integer',
  'decimal',
  'percent',
  'duration',
  'datetime',
  'date',
  'boolean',
] as const;
export type ReportColumnFormat = (typeof REPORT_COLUMN_FORMATS)[number];

export const ReportColumnSchema = z.strictObject({
  /** A column the query answers (its name or `AS` alias). */
  key: z.string().min(1).max(64),
  label: z.string().min(1).max(40),
  /**
   * text; integer / decimal (2 places); percent (0.25 → 25.0%); duration (seconds → 1小时2分3秒);
   * datetime / date (Unix seconds, shown in the installation's zone); boolean (是/否).
   */
  format: z.enum(REPORT_COLUMN_FORMATS).default('text'),
});
export type ReportColumn = z.infer<typeof ReportColumnSchema>;

export const ReportQuerySchema = z.strictObject({
  id: nameOf('查询 id'),
  /**
   * One SELECT (or WITH … SELECT) over the read views. Parameters by name: `:from`; a dateRange
   * parameter `range` binds `:range_from` (00:00 of the first day) and `:range_to` (00:00 of the day
   * after the last), Unix seconds.
   */
  sql: z.string().min(1).max(20_000),
  /** Fewer rows than the host's cap; more stops the run with a message. */
  maxRows: z.number().int().min(1).max(REPORT_MAX_ROWS).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportChartSchema = z.strictObject({
  id: nameOf('图表 id'),
  title: z.string().min(1).max(40),
  query: nameOf('查询 id'),
  /**
   * An ECharts option. A string `"$col:<column>"` anywhere in it becomes that column's values (an array,
   * in row order), `"$rows"` the rows as objects (e.g. `dataset.source`). No functions: plain JSON.
   */
  option: z.record(z.string(), z.unknown()),
  height: z.number().int().min(160).max(800).default(320),
});
export type ReportChart = z.infer<typeof ReportChartSchema>;

const SHEET_NAME = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^\\/?*[\]:]+$/, '工作表名称不能含有 \\ / ? * [ ] :');

export const ReportSheetSchema = z.strictObject({
  name: SHEET_NAME,
  query: nameOf('查询 id'),
  /** Defaults to the table's columns when the query is the table's, else every column as text. */
  columns: z.array(ReportColumnSchema).min(1).optional(),
});
export type ReportSheet = z.infer<typeof ReportSheetSchema>;

export const ReportDefinitionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, '报表 id 只能包含小写字母、数字和连字符，并以字母开头'),
    version: z.string().refine((value) => semver.valid(value) !== null, '版本号应符合 semver，例如 1.0.0'),
    /** A semver range the application's version must satisfy. */
    engine: z
      .string()
      .refine((value) => semver.validRange(value) !== null, 'engine 应为 semver 范围，例如 ^1.0.0'),
    title: z.string().min(1).max(40),
    description: z.string().max(300).optional(),
    /** A Material icon name of the app's set (sdk/ui/icons.ts); unknown names show a generic icon. */
    icon: z.string().min(1).max(40).default('bar_chart'),
    /** The lowest tier that may run and export it (always inside the caller's corp). */
    tier: z.enum(['user', 'wecom-admin']),
    parameters: z.array(ReportParameterSchema).max(10).default([]),
    queries: z.array(ReportQuerySchema).min(1).max(8),
    table: z.strictObject({
      query: nameOf('查询 id'),
      columns: z.array(ReportColumnSchema).min(1).max(30),
      sort: z.strictObject({ key: z.string().min(1), direction: z.enum(['asc', 'desc']) }).optional(),
      pageSize: z.union([z.literal(10), z.literal(20), z.literal(50), z.literal(100)]).default(20),
    }),
    charts: z.array(ReportChartSchema).max(6).default([]),
    export: z.strictObject({
      sheets: z.array(ReportSheetSchema).min(1).max(8),
      /** The sheet the charts go to as images, beside their figures. */
      analysisSheet: SHEET_NAME.default('分析'),
    }),
  })
  .superRefine((report, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const queries = new Set<string>();
    report.queries.forEach((query, index) => {
      if (queries.has(query.id)) issue(['queries', index, 'id'], `查询 id「${query.id}」重复`);
      queries.add(query.id);
    });
    const names = new Set<string>();
    report.parameters.forEach((parameter, index) => {
      if (names.has(parameter.name)) issue(['parameters', index, 'name'], `参数名「${parameter.name}」重复`);
      names.add(parameter.name);
    });
    const unknownQuery = (path: (string | number)[], id: string) => {
      if (!queries.has(id)) issue(path, `没有 id 为「${id}」的查询，请写 queries 中的某个 id`);
    };
    unknownQuery(['table', 'query'], report.table.query);
    const sortKey = report.table.sort?.key;
    if (sortKey !== undefined && !report.table.columns.some((column) => column.key === sortKey)) {
      issue(['table', 'sort', 'key'], `排序列「${sortKey}」不在 table.columns 中`);
    }
    const charts = new Set<string>();
    report.charts.forEach((chart, index) => {
      if (charts.has(chart.id)) issue(['charts', index, 'id'], `图表 id「${chart.id}」重复`);
      charts.add(chart.id);
      unknownQuery(['charts', index, 'query'], chart.query);
    });
    const sheets = new Set<string>();
    report.export.sheets.forEach((sheet, index) => {
      if (sheets.has(sheet.name)) issue(['export', 'sheets', index, 'name'], `工作表「${sheet.name}」重复`);
      sheets.add(sheet.name);
      unknownQuery(['export', 'sheets', index, 'query'], sheet.query);
    });
    if (report.charts.length > 0 && sheets.has(report.export.analysisSheet)) {
      issue(['export', 'analysisSheet'], `分析工作表「${report.export.analysisSheet}」与数据工作表重名`);
    }
  });

export type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;
/** What report.json may hold before defaults are applied. */
export type ReportDefinitionInput = z.input<typeof ReportDefinitionSchema>;

/** The JSON Schema published as sdk/report-definition.schema.json (a spec fails when that file is stale). */
export function reportDefinitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportDefinitionSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://wecom-live.local/schemas/report-definition.schema.json',
    title: 'WeCom Live 报表定义（report.json）',
    description: 'docs/report-plugins.md',
  };
}

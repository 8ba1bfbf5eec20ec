// The connection a report's queries run on (docs/report-plugins.md, "What a query may do"): a separate
// read-only better-sqlite3 connection on the host's database file, on which every read view is shadowed
// by a TEMP view of the caller's corp only. A query names views unqualified, and SQLite resolves an
// unqualified name in `temp` first, so `report_v1_viewers` is the corp's rows; naming `main.` or `temp.`,
// a base table, an index or SQLite's catalogue is refused by name before SQLite prepares it. SQLite then
// prepares the statement: it must answer rows, be read-only (the statement's `readonly` flag), and its
// program (EXPLAIN) may open only the tables the views read, in the main database, with no virtual table.
import Database from 'better-sqlite3';
import { AppError } from '../../../sdk/contracts/errors.js';
import { REPORT_VIEWS } from '../../../sdk/contracts/report-definition.js';
import { scanSql } from './report-sql.js';

/** The tables the read views read: the only b-trees a report's program may open. */
export const REPORT_BASE_TABLES = new Set([
  'lives',
  'live_viewers',
  'live_people',
  'live_online_peaks',
  'live_checkin_rounds',
  'live_checkin_records',
]);

/** Opcodes a report's program never needs: virtual tables (pragma functions), writes, schema changes. */
const FORBIDDEN_OPCODES = new Set([
  'VOpen',
  'VUpdate',
  'VCreate',
  'VDestroy',
  'CreateBtree',
  'Destroy',
  'ParseSchema',
  'SqlExec',
  'OpenWrite',
  'Clear',
]);

/** A column of each view's rows the deadline guard is called with, so it runs once per row read. */
const GUARD_COLUMNS: Record<(typeof REPORT_VIEWS)[number], string> = {
  report_v1_lives: 'live_id',
  report_v1_viewers: 'viewer_row_id',
  report_v1_checkin_rounds: 'round_id',
  report_v1_checkin_records: 'record_id',
  report_v1_inviters: 'inviter_id',
  report_v1_members: 'person_id',
};

/** Why a query cannot run, in Chinese; the caller adds the report and the field. */
export class ReportSqlError extends Error {}

/** Raised by `wl_guard()` once the run's deadline has passed: stops a runaway scan inside SQLite. */
export class ReportDeadlineError extends Error {
  constructor() {
    super('report deadline passed');
  }
}

export interface ReportConnection {
  db: Database.Database;
  /** Every schema object of the database that is not a read view (names a query may not spell). */
  hidden: Set<string>;
  rootPages: Map<number, string>;
}

/** Opens the database read-only with the corp's TEMP views; `deadline` (epoch ms) bounds every scan. */
export function openReportConnection(
  databaseFile: string,
  corpId: string,
  deadline: number | null,
): ReportConnection {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    // Called for every view row a query reads: past the deadline it throws, which ends the statement.
    db.function('wl_guard', { deterministic: false, varargs: false }, (_row: unknown) => {
      if (deadline !== null && Date.now() > deadline) throw new ReportDeadlineError();
      return 1;
    });
    const corp = `'${corpId.replaceAll("'", "''")}'`;
    for (const view of REPORT_VIEWS) {
      // The guard takes a column of the row (not corp_id, which SQLite would replace by the constant):
      // a term without a column is evaluated once, outside the loops, and would never stop a scan.
      db.exec(
        `create temp view ${view} as select * from main.${view} where corp_id = ${corp} and wl_guard(${GUARD_COLUMNS[view]})`,
      );
    }
    const objects = db
      .prepare('select type, name, tbl_name, rootpage from main.sqlite_schema')
      .all() as Array<{
      type: string;
      name: string;
      tbl_name: string;
      rootpage: number | null;
    }>;
    const views = new Set<string>(REPORT_VIEWS);
    const hidden = new Set(objects.filter((o) => !views.has(o.name)).map((o) => o.name.toLowerCase()));
    // Every other table and view of the database is shadowed by an empty TEMP view of the same name:
    // whatever way a query spells it, an unqualified name never reaches the host's tables.
    for (const o of objects) {
      if ((o.type !== 'table' && o.type !== 'view') || views.has(o.name) || o.name.startsWith('sqlite_'))
        continue;
      db.exec(`create temp view "${o.name.replaceAll('"', '""')}" as select null as "不可读取" where 0`);
    }
    const rootPages = new Map(
      objects.filter((o) => (o.rootpage ?? 0) > 0).map((o) => [o.rootpage as number, o.tbl_name]),
    );
    // After the TEMP views: from here on nothing changes, not even the temp schema.
    db.pragma('query_only = ON');
    return { db, hidden, rootPages };
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface PreparedReportQuery {
  statement: Database.Statement;
  columns: string[];
  /** The named parameters it uses (without the sigil). */
  parameters: string[];
}

/** Checks and prepares one query; throws ReportSqlError saying what to fix. */
export function prepareReportQuery(
  connection: ReportConnection,
  sql: string,
  allowedParameters: ReadonlySet<string>,
): PreparedReportQuery {
  const scanned = scanSql(sql);
  if (scanned.unterminated) throw new ReportSqlError('SQL 中有未结束的字符串、带引号的名称或注释');
  const first = scanned.words[0] ?? '';
  if (first !== 'select' && first !== 'with') {
    throw new ReportSqlError(
      `只能是一条 SELECT（或 WITH … SELECT）查询，不能以 ${first.toUpperCase() || '空白'} 开头`,
    );
  }
  if (scanned.positional) throw new ReportSqlError('请用命名参数（如 :from），不要用 ?');
  if (scanned.words.includes('recursive')) {
    throw new ReportSqlError('不能使用 WITH RECURSIVE：报表查询只汇总读取视图中的数据');
  }
  for (const qualifier of scanned.qualifiers) {
    if (qualifier === 'main' || qualifier === 'temp' || qualifier === 'temporary') {
      throw new ReportSqlError(`不能指定数据库名「${qualifier}.」：直接写视图名，如 report_v1_lives`);
    }
  }
  for (const name of scanned.identifiers) {
    if (name.startsWith('sqlite_') || name.startsWith('pragma_')) {
      throw new ReportSqlError(`不能使用「${name}」：报表只能读取读取视图（${REPORT_VIEWS.join('、')}）`);
    }
  }
  for (const name of scanned.sources) {
    if (connection.hidden.has(name)) {
      throw new ReportSqlError(`不能读取「${name}」：报表只能读取读取视图（${REPORT_VIEWS.join('、')}）`);
    }
  }
  for (const parameter of scanned.parameters) {
    if (!allowedParameters.has(parameter)) {
      throw new ReportSqlError(
        `参数 :${parameter} 没有在 parameters 中声明（日期范围参数 range 写作 :range_from 和 :range_to）`,
      );
    }
  }
  let statement: Database.Statement;
  try {
    statement = connection.db.prepare(sql);
  } catch (error) {
    throw new ReportSqlError(sqliteReason(error));
  }
  if (!statement.reader) throw new ReportSqlError('查询必须返回数据（SELECT），不能执行其他语句');
  if (!statement.readonly) throw new ReportSqlError('查询不能写入数据');
  const nulls = Object.fromEntries(scanned.parameters.map((name) => [name, null]));
  let program: Array<{ opcode: string; p1: number; p2: number; p3: number }>;
  try {
    program = connection.db.prepare(`explain ${sql}`).all(nulls) as typeof program;
  } catch (error) {
    throw new ReportSqlError(sqliteReason(error));
  }
  for (const row of program) {
    if (FORBIDDEN_OPCODES.has(row.opcode))
      throw new ReportSqlError('查询不能写入数据、修改表结构或使用虚拟表');
    if (row.opcode !== 'OpenRead' && row.opcode !== 'ReopenIdx') continue;
    const table = connection.rootPages.get(row.p2);
    if (row.p3 !== 0 || table === undefined || !REPORT_BASE_TABLES.has(table)) {
      throw new ReportSqlError('查询读取了读取视图以外的数据');
    }
  }
  return {
    statement,
    columns: statement.columns().map((column) => column.name),
    parameters: scanned.parameters,
  };
}

/** SQLite's complaint in Chinese, naming what it did not know. */
export function sqliteReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const table = /no such table: (\S+)/.exec(message);
  if (table !== null) {
    return `未知的视图「${table[1]}」：报表只能读取 ${REPORT_VIEWS.join('、')}`;
  }
  const column = /no such column: (\S+)/.exec(message);
  if (column !== null) return `未知的列「${column[1]}」：请对照 docs/report-plugins.md 中该视图的列`;
  if (/more than one statement/.test(message)) return '只能写一条 SQL 语句（去掉多余的分号和语句）';
  if (/syntax error|incomplete input/.test(message)) return `SQL 语法错误：${message}`;
  return `SQLite 无法执行该查询：${message}`;
}

/** A run-time failure as the caller sees it. */
export function reportRunError(title: string, queryId: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ReportDeadlineError) {
    return new AppError(
      'CONFLICT',
      `报表「${title}」的查询 ${queryId} 超时，已停止：请缩小日期范围或条件后重试。`,
      {
        reason: 'timeout',
        query: queryId,
      },
    );
  }
  if (error instanceof ReportSqlError) {
    return new AppError('CONFLICT', `报表「${title}」的查询 ${queryId} 无法执行：${error.message}`, {
      reason: 'sql',
      query: queryId,
    });
  }
  return new AppError('CONFLICT', `报表「${title}」的查询 ${queryId} 执行失败：${sqliteReason(error)}`, {
    reason: 'sql',
    query: queryId,
  });
}

import Database from 'better-sqlite3';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import { pluginTablePolicy, type PluginTablePolicy } from './plugin-tables.js';
import type { HostSettings } from '../core/runtime-options.js';
import { HOST_SETTINGS, KNEX } from '../core/tokens.js';

/** What knex's `query` event carries (the part we read). */
interface QueryEvent {
  sql: string;
  bindings?: readonly unknown[];
}

/** One row of SQLite's `EXPLAIN`: the bytecode program the statement runs. */
interface ExplainRow {
  opcode: string;
  p1: number;
  p2: number;
  p3: number;
}

/** Statements a plugin may run: data manipulation only, plus the transaction control knex issues. */
const DATA_STATEMENTS = new Set(['select', 'insert', 'update', 'delete', 'replace', 'with', 'values']);
const TRANSACTION_CONTROL = new Set(['begin', 'commit', 'end', 'rollback', 'savepoint', 'release']);
/** Opcodes that open or empty a b-tree: p2 (p1 for Clear) is its root page, p3 (p2) the database. */
const OPENING = new Set(['OpenRead', 'OpenWrite', 'ReopenIdx']);
/** Opcodes a data statement of a plugin never needs: virtual tables (pragma functions), schema changes. */
const FORBIDDEN = new Set([
  'VOpen',
  'VUpdate',
  'VCreate',
  'VDestroy',
  'CreateBtree',
  'Destroy',
  'ParseSchema',
  'SqlExec',
]);

function firstKeyword(sql: string): string {
  const stripped = sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()*/, '');
  return (/^[A-Za-z]+/.exec(stripped)?.[0] ?? '').toLowerCase();
}

function refused(policy: PluginTablePolicy, what: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `插件 ${policy.pluginId} 不能通过 ctx.db ${what}：插件只能读写自己的数据表（${policy.pluginId.replaceAll('-', '_')}_*），直播数据请用 ctx.liveStore。`,
    { pluginId: policy.pluginId },
  );
}

/**
 * `ctx.db`: the host's Knex narrowed to the plugin's own tables. Every statement a plugin's Knex runs
 * (builder, raw, inside transactions and savepoints) is compiled by SQLite with `EXPLAIN` on a separate
 * read-only connection before it runs, and the b-trees its program opens are mapped to tables through
 * `sqlite_schema`: what SQLite would really touch, subqueries, joins and `DELETE` without `WHERE`
 * included. A statement touching another table is refused (FORBIDDEN) before it runs. See
 * docs/plugin-development.md and docs/threat-model.md for what this does and does not protect.
 */
@injectable()
export class PluginDbGuard {
  private explainer: Database.Database | null = null;
  private schemaVersion = -1;
  private tablesByRootPage = new Map<number, string>();
  /** Statements already approved per plugin (by SQL text); cleared when the schema changes. */
  private readonly approved = new Map<string, Set<string>>();

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
  ) {}

  /** A Knex sharing the host's connection pool whose every statement is checked against the plugin's tables. */
  forPlugin(pluginId: string): { knex: Knex; revoke(): void } {
    const policy = pluginTablePolicy(pluginId);
    let revoked = false;
    const guarded = this.db.withUserParams({ pluginId });
    // The client is the clone's own, so this listener sees the plugin's statements only; transactions
    // made from it report their statements to it too. Throwing here rejects the query before it runs.
    guarded.client.on('query', (query: QueryEvent) => {
      if (revoked) throw new AppError('PLUGIN_DISABLED', `插件 ${pluginId} 已停用，不能再访问数据库。`);
      this.check(policy, query);
    });
    return { knex: this.wrapOnly(guarded, policy), revoke: () => (revoked = true) };
  }

  /**
   * Checks the statements of `trx` while `run` runs (a clean-up contributor of the plugin gets the
   * host's transaction). Statements the host runs on the same transaction before or after stay free.
   */
  async within<T>(pluginId: string, trx: Knex, run: () => Promise<T>): Promise<T> {
    const policy = pluginTablePolicy(pluginId);
    const listener = (query: QueryEvent): void => this.check(policy, query);
    trx.on('query', listener);
    try {
      return await run();
    } finally {
      trx.off('query', listener);
    }
  }

  close(): void {
    this.explainer?.close();
    this.explainer = null;
  }

  private wrapOnly(guarded: Knex, policy: PluginTablePolicy): Knex {
    // The pool is the host's: a plugin must not be able to close it.
    Object.defineProperty(guarded, 'destroy', {
      value: () => Promise.reject(refused(policy, '关闭数据库连接')),
    });
    return guarded;
  }

  private check(policy: PluginTablePolicy, query: QueryEvent): void {
    const sql = query.sql;
    const keyword = firstKeyword(sql);
    if (TRANSACTION_CONTROL.has(keyword)) return;
    if (!DATA_STATEMENTS.has(keyword)) throw refused(policy, `执行 ${keyword.toUpperCase() || '该'} 语句`);
    // Knex never names SQLite's own tables; a plugin that does wants the schema or the autoincrement counters.
    if (/sqlite_/i.test(sql)) throw refused(policy, '读写 SQLite 的系统表');
    const explainer = this.openExplainer();
    this.refreshSchema(explainer);
    const approved = this.approved.get(policy.pluginId) ?? new Set<string>();
    this.approved.set(policy.pluginId, approved);
    if (approved.has(sql)) return;
    const program = explainer.prepare(`EXPLAIN ${sql}`).all(...this.bindingsOf(query)) as ExplainRow[];
    for (const row of program) {
      if (FORBIDDEN.has(row.opcode)) throw refused(policy, '使用虚拟表或修改表结构');
      const opening = OPENING.has(row.opcode);
      if (!opening && row.opcode !== 'Clear') continue;
      const rootPage = opening ? row.p2 : row.p1;
      const database = opening ? row.p3 : row.p2;
      if (database !== 0) throw refused(policy, '访问其他数据库');
      const table = this.tablesByRootPage.get(rootPage) ?? `#${rootPage}`;
      const writes = row.opcode === 'OpenWrite' || row.opcode === 'Clear';
      // Inserting into an AUTOINCREMENT table of the plugin updates SQLite's counter table.
      if (table === 'sqlite_sequence') continue;
      if (policy.owns(table) || (!writes && policy.mayRead(table))) continue;
      throw refused(policy, `${writes ? '写入' : '读取'}表 ${table}`);
    }
    if (approved.size > 2000) approved.clear();
    approved.add(sql);
  }

  private bindingsOf(query: QueryEvent): unknown[] {
    // As knex's better-sqlite3 client sends them: dates as milliseconds, booleans as 0/1.
    return (query.bindings ?? []).map((value) =>
      value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value,
    );
  }

  private openExplainer(): Database.Database {
    this.explainer ??= new Database(this.settings.databaseFile, { readonly: true, fileMustExist: true });
    return this.explainer;
  }

  /** Root page → table (an index maps to its table); re-read only when the schema changed. */
  private refreshSchema(explainer: Database.Database): void {
    const version = explainer.pragma('schema_version', { simple: true }) as number;
    if (version === this.schemaVersion) return;
    const rows = explainer
      .prepare('SELECT tbl_name AS name, rootpage FROM sqlite_schema WHERE rootpage > 0')
      .all() as Array<{ name: string; rootpage: number }>;
    this.tablesByRootPage = new Map(rows.map((row) => [row.rootpage, row.name]));
    this.schemaVersion = version;
    this.approved.clear();
  }
}

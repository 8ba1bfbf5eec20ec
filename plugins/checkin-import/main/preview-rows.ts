// The member rows of a preview job, kept in the plugin's table instead of the job's result:
// a 10 × 5,000 workbook has 50,000 of them, which would otherwise be serialised into the jobs table
// and sent again on every `jobs.get` poll. Written by the job in one transaction, read page by page.
import type { Knex } from 'knex';
import type { RetentionContributor } from '../../../sdk/main/plugin-context.js';
import type { MemberPreview, MemberRow, MemberRowsPage, MemberRowsQuery } from '../shared/checkin-api.js';

const TABLE = 'checkin_import_preview_rows';
/** 6 bound values a row: 500 rows stay far below SQLite's limit of bound variables. */
const INSERT_CHUNK = 500;
/** Rows a page needs only while someone looks at the preview: the next job sweeps older ones. */
export const PREVIEW_ROWS_KEEP_MS = 24 * 60 * 60 * 1000;

export interface RoundMembers {
  roundNo: number;
  sheet: string;
  members: readonly MemberPreview[];
}

interface StoredRow {
  member: string;
}

/**
 * Replaces the job's rows (a retried job writes them again) and sweeps other jobs' rows older than a
 * day, in one transaction.
 */
export async function storeMemberRows(
  db: Knex,
  jobId: string,
  rounds: readonly RoundMembers[],
  now: number,
): Promise<number> {
  return db.transaction(async (trx) => {
    await trx(TABLE).where('job_id', jobId).delete();
    await trx(TABLE)
      .where('created_at', '<', now - PREVIEW_ROWS_KEEP_MS)
      .delete();
    let seq = 0;
    let chunk: Array<Record<string, unknown>> = [];
    for (const round of rounds) {
      for (const member of round.members) {
        const row: MemberRow = { ...member, roundNo: round.roundNo, sheet: round.sheet };
        chunk.push({
          job_id: jobId,
          seq: seq++,
          round_no: round.roundNo,
          state: member.state,
          member: JSON.stringify(row),
          created_at: now,
        });
        if (chunk.length === INSERT_CHUNK) {
          await trx(TABLE).insert(chunk);
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) await trx(TABLE).insert(chunk);
    return seq;
  });
}

/** One page of a job's rows, in round and row order, filtered by state and round. */
export async function readMemberRows(db: Knex, query: MemberRowsQuery): Promise<MemberRowsPage> {
  const filtered = (): Knex.QueryBuilder => {
    const builder = db(TABLE).where('job_id', query.jobId);
    if (query.state !== undefined) builder.andWhere('state', query.state);
    if (query.roundNo !== undefined) builder.andWhere('round_no', query.roundNo);
    return builder;
  };
  const counted = (await filtered().count({ n: '*' }).first()) as { n: number | string } | undefined;
  const rows = (await filtered()
    .orderBy('seq', 'asc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .select('member')) as StoredRow[];
  return {
    rows: rows.map((row) => JSON.parse(row.member) as MemberRow),
    total: Number(counted?.n ?? 0),
  };
}

/** The clean-up of old data (系统设置 → 数据清理) removes kept rows older than its date. */
export function memberRowsRetention(): RetentionContributor {
  const older = (db: Knex, before: Date): Knex.QueryBuilder =>
    db(TABLE).where('created_at', '<', before.getTime());
  return {
    id: 'preview-rows',
    label: '签到导入预览的成员明细',
    count: async (before, db) => {
      const row = (await older(db, before).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },
    purge: (before, trx) => older(trx, before).delete(),
  };
}

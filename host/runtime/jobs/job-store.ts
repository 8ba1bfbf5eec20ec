import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import type { JobSnapshot, JobState } from '../../../sdk/contracts/jobs.js';
import type { SessionUser } from '../../../sdk/contracts/host-status.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, KNEX } from '../core/tokens.js';

export interface JobRow {
  id: string;
  kind: string;
  plugin_id: string | null;
  owner_userid: string | null;
  owner_tier: SessionUser['tier'] | null;
  corp_id: string | null;
  state: JobState;
  done: number;
  total: number;
  message: string;
  input: string;
  result: string | null;
  error: string | null;
  run_at: number;
  dedupe_key: string | null;
  attempt: number;
  max_attempts: number;
  created_at: number;
  updated_at: number;
}

export type NewJob = Pick<JobRow, 'id' | 'kind' | 'plugin_id' | 'owner_userid' | 'owner_tier' | 'corp_id'> & {
  input: unknown;
  runAt: number;
  dedupeKey: string | null;
  maxAttempts: number;
};

export function toSnapshot(row: JobRow): JobSnapshot {
  const snapshot: JobSnapshot = {
    jobId: row.id,
    kind: row.kind,
    state: row.state,
    done: row.done,
    total: row.total,
    message: row.message,
  };
  if (row.result !== null) snapshot.result = JSON.parse(row.result) as unknown;
  if (row.error !== null) snapshot.error = JSON.parse(row.error) as JobSnapshot['error'];
  return snapshot;
}

/** The persistent jobs table. */
@injectable()
export class JobStore {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Inserts a job; with a dedupe key, a still-queued job of that key is replaced in the same transaction. */
  async insert(job: NewJob): Promise<string> {
    const now = this.clock.now();
    return this.db.transaction(async (trx) => {
      if (job.dedupeKey !== null) {
        const existing = (await trx('jobs')
          .where({ dedupe_key: job.dedupeKey, state: 'queued' })
          .first('id')) as { id: string } | undefined;
        if (existing !== undefined) {
          await trx('jobs')
            .where({ id: existing.id })
            .update({ input: JSON.stringify(job.input), run_at: job.runAt, updated_at: now });
          return existing.id;
        }
      }
      await trx('jobs').insert({
        id: job.id,
        kind: job.kind,
        plugin_id: job.plugin_id,
        owner_userid: job.owner_userid,
        owner_tier: job.owner_tier,
        corp_id: job.corp_id,
        state: 'queued',
        input: JSON.stringify(job.input ?? null),
        run_at: job.runAt,
        dedupe_key: job.dedupeKey,
        attempt: 0,
        max_attempts: job.maxAttempts,
        created_at: now,
        updated_at: now,
      });
      return job.id;
    });
  }

  async get(id: string): Promise<JobRow | undefined> {
    return (await this.db('jobs').where({ id }).first()) as JobRow | undefined;
  }

  /** Queued jobs whose time has come, oldest first. */
  async due(now: number, kinds: string[], limit: number): Promise<JobRow[]> {
    if (kinds.length === 0) return [];
    return (await this.db('jobs')
      .where('state', 'queued')
      .where('run_at', '<=', now)
      .whereIn('kind', kinds)
      .orderBy('run_at')
      .limit(limit)) as JobRow[];
  }

  async update(id: string, changes: Partial<Omit<JobRow, 'id'>>): Promise<void> {
    await this.db('jobs')
      .where({ id })
      .update({ ...changes, updated_at: this.clock.now() });
  }

  /** Claims a queued job for running; false when someone else claimed or cancelled it first. */
  async claim(id: string): Promise<boolean> {
    const changed = await this.db('jobs')
      .where({ id, state: 'queued' })
      .update({ state: 'running', attempt: this.db.raw('attempt + 1'), updated_at: this.clock.now() });
    return changed === 1;
  }

  /**
   * After a crash, jobs left `running`: queued again while they have attempts left, else failed with a
   * reason. The interrupted run counts as an attempt (claim counted it), so a job that kills the
   * process every time it runs stops after `max_attempts` starts instead of crash-looping.
   */
  async recoverInterrupted(): Promise<{ requeued: number; failed: number }> {
    const now = this.clock.now();
    return this.db.transaction(async (trx) => {
      const requeued = await trx('jobs')
        .where({ state: 'running' })
        .whereRaw('attempt < max_attempts')
        .update({ state: 'queued', message: '程序意外退出，任务将重新执行', updated_at: now });
      const exhausted = (await trx('jobs').where({ state: 'running' }).select('id', 'attempt')) as Array<{
        id: string;
        attempt: number;
      }>;
      for (const job of exhausted) {
        const error = {
          code: 'INTERNAL',
          message: `任务执行期间程序意外退出（已执行 ${job.attempt} 次，达到重试上限），不再重试：请检查文件或数据后重新发起`,
          details: { reason: 'interrupted', attempts: job.attempt },
        };
        await trx('jobs')
          .where({ id: job.id, state: 'running' })
          .update({ state: 'failed', error: JSON.stringify(error), message: '执行中断', updated_at: now });
      }
      return { requeued, failed: exhausted.length };
    });
  }
}

// The sync's per-job record of finished lives (table of migrations/001-sync-progress), read when a job
// stopped by a shutdown runs again.
import type { Knex } from 'knex';

const TABLE = 'live_list_sync_progress';
/** Rows of jobs that never came back (cancelled, deleted) are dropped after this long. */
const STALE_AFTER_MS = 7 * 24 * 3_600_000;

export interface FinishedLive {
  viewers: number;
  /** Member userids the local rules left unnamed in this live. */
  unnamedInviters: string[];
}

interface ProgressRow {
  livingid: string;
  viewers: number;
  unnamed_inviters: string;
}

export class SyncCheckpoint {
  constructor(
    private readonly db: Knex,
    private readonly jobId: string,
  ) {}

  /** The lives this job finished before (an earlier run of it stopped by a shutdown). */
  async load(now: number): Promise<Map<string, FinishedLive>> {
    await this.db(TABLE)
      .where('done_at', '<', now - STALE_AFTER_MS)
      .delete();
    const rows = (await this.db(TABLE)
      .where('job_id', this.jobId)
      .select('livingid', 'viewers', 'unnamed_inviters')) as ProgressRow[];
    return new Map(
      rows.map((row) => [
        row.livingid,
        { viewers: Number(row.viewers), unnamedInviters: JSON.parse(row.unnamed_inviters) as string[] },
      ]),
    );
  }

  /** Records lives as finished (their merges committed), in one statement. Idempotent. */
  async finished(lives: ReadonlyArray<{ livingid: string; live: FinishedLive }>, now: number): Promise<void> {
    if (lives.length === 0) return;
    await this.db(TABLE)
      .insert(
        lives.map(({ livingid, live }) => ({
          job_id: this.jobId,
          livingid,
          viewers: live.viewers,
          unnamed_inviters: JSON.stringify(live.unnamedInviters),
          done_at: now,
        })),
      )
      .onConflict(['job_id', 'livingid'])
      .merge(['viewers', 'unnamed_inviters', 'done_at']);
  }

  /** The job ended (done, failed or cancelled): nothing to resume. */
  async clear(): Promise<void> {
    await this.db(TABLE).where('job_id', this.jobId).delete();
  }
}

// The clean-up of old data (R8.1 "clean-up of data by date"). Whoever owns data contributes a
// counter and a purger: the host its own tables and files (host-retention.ts), plugins through
// `ctx.retention`, the live store its lives. A clean-up is one transaction over every contributor, so it
// deletes all or nothing; files go only after the commit.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import type { SessionUser } from '../../../sdk/contracts/host-status.js';
import type { CleanupCount } from '../../../sdk/contracts/config.js';
import { AppError, isAppError } from '../../../sdk/contracts/errors.js';
import type { RetentionContributor, RetentionPurged } from '../../../sdk/main/plugin-context.js';
import { AuditLog } from '../audit/audit-log.js';
import { KNEX, LOGGER } from '../core/tokens.js';

export type { RetentionContributor, RetentionPurged };

/**
 * The registry of contributors and the clean-up itself. Host code registers with `register(...)` (keep
 * the returned function to unregister); plugins use `ctx.retention.register`, removed when disabled.
 */
@injectable()
export class DataRetention {
  private readonly contributors = new Map<string, RetentionContributor>();

  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(LOGGER) private readonly log: Logger,
    private readonly audit: AuditLog,
  ) {}

  /** Adds a contributor (ids are unique); the returned function removes it. */
  register(contributor: RetentionContributor): () => void {
    if (this.contributors.has(contributor.id)) {
      throw new Error(`retention contributor already registered: ${contributor.id}`);
    }
    this.contributors.set(contributor.id, contributor);
    return () => {
      if (this.contributors.get(contributor.id) === contributor) this.contributors.delete(contributor.id);
    };
  }

  ids(): string[] {
    return [...this.contributors.keys()];
  }

  /** How much each contributor would delete, read in one transaction so the counts agree. */
  async preview(cutoff: number): Promise<CleanupCount[]> {
    const before = new Date(cutoff);
    const contributors = [...this.contributors.values()];
    return this.db.transaction(async (trx) => {
      const items: CleanupCount[] = [];
      for (const contributor of contributors) {
        const count = await this.step(contributor, () => contributor.count(before, trx), '统计');
        items.push({ id: contributor.id, label: contributor.label, count });
      }
      return items;
    });
  }

  /** Deletes everything older than `cutoff`, audited in the same transaction; files after the commit. */
  async purge(
    cutoff: number,
    actor: Pick<SessionUser, 'userid' | 'tier'> | null,
    date: string,
  ): Promise<CleanupCount[]> {
    const before = new Date(cutoff);
    const contributors = [...this.contributors.values()];
    const afterCommit: Array<{ id: string; run: () => void | Promise<void> }> = [];
    let items: CleanupCount[];
    try {
      items = await this.db.transaction(async (trx) => {
        const done: CleanupCount[] = [];
        for (const contributor of contributors) {
          const answer: number | RetentionPurged = await this.step(
            contributor,
            () => contributor.purge(before, trx),
            '删除',
          );
          const purged = typeof answer === 'number' ? { deleted: answer } : answer;
          if (purged.afterCommit !== undefined)
            afterCommit.push({ id: contributor.id, run: purged.afterCommit });
          done.push({ id: contributor.id, label: contributor.label, count: purged.deleted });
        }
        await this.audit.record(
          {
            actor,
            action: 'config.cleanup',
            target: date,
            ok: true,
            detail: { cutoff, deleted: Object.fromEntries(done.map((item) => [item.id, item.count])) },
          },
          trx,
        );
        return done;
      });
    } catch (error) {
      await this.audit.record({
        actor,
        action: 'config.cleanup',
        target: date,
        ok: false,
        detail: { cutoff },
      });
      throw error;
    }
    for (const { id, run } of afterCommit) {
      try {
        await run();
      } catch (error) {
        // The rows are gone already; a file left on disk is only space, worth a warning.
        this.log.warn({ err: error, contributor: id }, 'clean-up: after-commit step failed');
      }
    }
    await this.compact(items);
    return items;
  }

  /**
   * Gives the freed pages back to the disk: SQLite keeps a deleted row's space inside the file otherwise.
   * VACUUM is SQLite's own statement (other databases reclaim space by themselves), so only there; a
   * failure (e.g. a full disk: VACUUM needs room for a copy) leaves a correct, just larger, file.
   */
  private async compact(items: CleanupCount[]): Promise<void> {
    if (this.db.client.config.client !== 'better-sqlite3') return;
    if (items.every((item) => item.count === 0)) return;
    try {
      await this.db.raw('VACUUM');
    } catch (error) {
      this.log.warn({ err: error }, 'clean-up: VACUUM failed; the space stays inside the database file');
    }
  }

  private async step<T>(contributor: RetentionContributor, run: () => Promise<T>, verb: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isAppError(error)) throw error;
      this.log.error({ err: error, contributor: contributor.id }, `clean-up: ${verb} failed`);
      throw new AppError(
        'INTERNAL',
        `${verb}「${contributor.label}」时出错，本次清理没有删除任何数据。请查看日志（${contributor.id}）。`,
      );
    }
  }
}

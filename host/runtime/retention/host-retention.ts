// The host's own contributions to the clean-up of old data (data-retention.ts): the audit log, finished
// jobs, sessions nobody can resume, and the uploaded and exported files with their rows.
import { rmSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { DataRetention, type RetentionContributor } from './data-retention.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS } from '../core/tokens.js';

const FINISHED_JOB_STATES = ['done', 'failed', 'cancelled'];

async function countOf(query: Knex.QueryBuilder): Promise<number> {
  const row = (await query.count({ n: '*' }).first()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

@injectable()
export class HostRetention {
  constructor(
    private readonly retention: DataRetention,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(): void {
    for (const contributor of [this.auditLog(), this.jobs(), this.sessions(), this.files()]) {
      this.retention.register(contributor);
    }
  }

  private auditLog(): RetentionContributor {
    const older = (db: Knex, before: Date) => db('audit_log').where('at', '<', before.getTime());
    return {
      id: 'host.audit',
      label: '审计日志记录',
      count: (before, db) => countOf(older(db, before)),
      purge: (before, trx) => older(trx, before).delete(),
    };
  }

  private jobs(): RetentionContributor {
    // Queued and running jobs are work still to do, whatever their age.
    const older = (db: Knex, before: Date) =>
      db('jobs').whereIn('state', FINISHED_JOB_STATES).where('updated_at', '<', before.getTime());
    return {
      id: 'host.jobs',
      label: '已结束的后台任务',
      count: (before, db) => countOf(older(db, before)),
      purge: (before, trx) => older(trx, before).delete(),
    };
  }

  private sessions(): RetentionContributor {
    // Only sessions that have expired anyway: a long idle timeout must not sign anybody out.
    const older = (db: Knex, before: Date) =>
      db('sessions').where(
        'last_seen_at',
        '<',
        Math.min(before.getTime(), this.clock.now() - this.settings.sessionIdleMs),
      );
    return {
      id: 'host.sessions',
      label: '已过期的登录会话',
      count: (before, db) => countOf(older(db, before)),
      purge: (before, trx) => older(trx, before).delete(),
    };
  }

  private files(): RetentionContributor {
    const uploads = join(this.settings.dataDir, 'uploads');
    const exports = join(this.settings.dataDir, 'exports');
    const older = (db: Knex, before: Date) => db('files').where('created_at', '<', before.getTime());
    return {
      id: 'host.files',
      label: '上传和导出的文件',
      count: (before, db) => countOf(older(db, before)),
      purge: async (before, trx) => {
        const rows = (await older(trx, before).select('path')) as Array<{ path: string }>;
        const deleted = await older(trx, before).delete();
        return {
          deleted,
          afterCommit: () => {
            for (const { path } of rows) {
              // An export lives in its own folder exports/<fileId>/; an upload is uploads/<fileId>.
              // Nothing outside those two folders is ever removed, whatever a row says.
              if (isInside(path, exports))
                rmSync(dirname(path) === exports ? path : dirname(path), { recursive: true, force: true });
              else if (isInside(path, uploads)) rmSync(path, { force: true });
            }
          },
        };
      },
    };
  }
}

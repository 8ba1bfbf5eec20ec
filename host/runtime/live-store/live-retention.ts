// The live store's part in the clean-up of old data (data-retention.ts): lives that ended before the
// cut-off, with their viewers, online samples and check-ins (foreign keys cascade from `lives`). The
// name cache (live_people) stays: names are still useful and hold no dated activity.
import type { Knex } from 'knex';
import { injectable } from 'tsyringe';
import { DataRetention, type RetentionContributor } from '../retention/data-retention.js';

/** 直播中: a live still on is never old, whatever its reserved times say (WeCom lets it run over). */
const LIVING = 1;

@injectable()
export class LiveRetention {
  constructor(private readonly retention: DataRetention) {}

  register(): void {
    this.retention.register(this.lives());
  }

  private lives(): RetentionContributor {
    const older = (db: Knex, before: Date) => {
      const cutoffSeconds = Math.floor(before.getTime() / 1000);
      return db('lives')
        .where((live) => live.whereNull('status').orWhereNot('status', LIVING))
        .where((live) =>
          live
            // The end WeCom reported once the live started, else the reserved one.
            .whereRaw('coalesce(actual_start + actual_duration, reserve_start + reserve_duration) < ?', [
              cutoffSeconds,
            ])
            // Never asked WeCom and no times at all: by when it was recorded here.
            .orWhere((unknown) =>
              unknown
                .whereNull('actual_start')
                .whereNull('reserve_start')
                .where('created_at', '<', before.getTime()),
            ),
        );
    };
    return {
      id: 'host.lives',
      label: '直播（含观看明细、在线人数采样与签到记录）',
      count: async (before, db) => {
        const row = (await older(db, before).count({ n: '*' }).first()) as { n: number | string } | undefined;
        return Number(row?.n ?? 0);
      },
      purge: (before, trx) => older(trx, before).delete(),
    };
  }
}

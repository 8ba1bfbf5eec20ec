import type { Knex } from 'knex';
import type { RetentionContributor } from '../../../sdk/main/plugin-context.js';

/**
 * The double-submit guard's keys (live_create_requests) in the clean-up of old data: a key only matters
 * while its page might still retry, so old ones are safe to drop.
 */
export function requestRetention(): RetentionContributor {
  const older = (db: Knex, before: Date) =>
    db('live_create_requests').where('created_at', '<', before.getTime());
  return {
    id: 'requests',
    label: '创建直播的防重复提交记录',
    count: async (before, db) => {
      const row = (await older(db, before).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },
    purge: (before, trx) => older(trx, before).delete(),
  };
}

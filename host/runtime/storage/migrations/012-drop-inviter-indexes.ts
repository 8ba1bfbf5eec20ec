import type { Knex } from 'knex';

/**
 * Drops the indexes of `live_viewers` on `invitor_userid` and `invitor_external_userid` alone (from
 * 003-live-store). No query reads them: every read of a live's inviters starts from the live
 * (`live_id`, on the viewers' key or the watch-order index), and the report views compare a computed
 * inviter id, which a column index cannot serve. Kept, they cost every viewer written: a member sync of
 * 50,000 viewers spent about a tenth of its CPU on them, more the larger the store (docs/architecture.md,
 * "Queries at scale").
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists live_viewers_invitor_userid_index');
  await knex.raw('drop index if exists live_viewers_invitor_external_userid_index');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('create index live_viewers_invitor_userid_index on live_viewers (invitor_userid)');
  await knex.raw(
    'create index live_viewers_invitor_external_userid_index on live_viewers (invitor_external_userid)',
  );
}

import type { Knex } from 'knex';

/**
 * Peak viewers (docs/architecture.md, live store): one row per sampled live with the peak of its online
 * samples, when it was first reached and how many samples lie behind it. Kept in the same transaction as
 * every sample, so the live list reads it by primary key instead of aggregating the samples of every live
 * on each page (10,000 lives × a sample a minute is millions of rows). Also an index for the sampler's
 * question "which lives are on, or due to start", across every corp.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_online_peaks', (t) => {
    t.integer('live_id').unsigned().primary().references('id').inTable('lives').onDelete('CASCADE');
    t.integer('peak_online').notNullable();
    t.bigInteger('peak_online_at').notNullable(); // ms, the earliest sample that reached the peak
    t.integer('samples').notNullable();
  });
  // Samples taken before this migration (portable SQL: a grouped subquery, then the peak's first time).
  await knex.raw(
    `insert into live_online_peaks (live_id, peak_online, peak_online_at, samples)
     select pk.live_id, pk.peak_online,
       (select min(s.sampled_at) from live_online_snapshots s
         where s.live_id = pk.live_id and s.online_count = pk.peak_online),
       pk.samples
     from (select live_id, max(online_count) as peak_online, count(*) as samples
           from live_online_snapshots group by live_id) pk`,
  );
  await knex.schema.alterTable('lives', (t) => {
    t.index(['status', 'reserve_start'], 'lives_status_reserve_start_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lives', (t) => {
    t.dropIndex(['status', 'reserve_start'], 'lives_status_reserve_start_index');
  });
  await knex.schema.dropTableIfExists('live_online_peaks');
}

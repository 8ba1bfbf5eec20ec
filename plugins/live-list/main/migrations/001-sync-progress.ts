import type { Knex } from 'knex';

/**
 * What a running `live-list.sync` job has finished, live by live, so a job the app stopped midway
 * resumes after the next start instead of pulling every live again (docs/architecture.md, sync path).
 * Rows belong to one job; they are removed when the job ends.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_list_sync_progress', (t) => {
    t.string('job_id', 64).notNullable();
    t.string('livingid', 128).notNullable();
    t.integer('viewers').notNullable();
    /** JSON array of member userids the local rules left unnamed in this live (R4.6 rule 5). */
    t.text('unnamed_inviters').notNullable();
    t.bigInteger('done_at').notNullable();
    t.primary(['job_id', 'livingid']);
    t.index(['done_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('live_list_sync_progress');
}

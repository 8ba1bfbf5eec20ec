import type { Knex } from 'knex';

/**
 * The member rows of a preview job, read page by page through `checkin-import.rows`: the
 * job's result stays a small summary (docs/architecture.md, check-in import). Rows belong to one job;
 * the next job sweeps those older than a day, and the clean-up of old data removes older ones.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checkin_import_preview_rows', (t) => {
    t.string('job_id', 64).notNullable();
    /** Round order, then row order: the order the page lists them in. */
    t.integer('seq').notNullable();
    t.integer('round_no').notNullable();
    t.string('state', 16).notNullable();
    /** JSON: the MemberPreview and its sheet. */
    t.text('member').notNullable();
    t.bigInteger('created_at').notNullable();
    t.primary(['job_id', 'seq']);
    t.index(['job_id', 'state', 'seq']);
    t.index(['job_id', 'round_no', 'state', 'seq']);
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('checkin_import_preview_rows');
}

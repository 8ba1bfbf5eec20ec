import type { Knex } from 'knex';

/**
 * Ambiguous check-in rows a user resolved by picking the viewer (R6.2): keyed by what identifies the row
 * in the workbook (round, row, label as written), not by the record's id, so a re-import of the same
 * workbook (which replaces the rounds and records) finds the choice again. Gone with the live (cascade).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_checkin_resolutions', (t) => {
    t.increments('id').primary();
    t.integer('live_id').unsigned().notNullable().references('id').inTable('lives').onDelete('CASCADE');
    t.integer('round_no').notNullable();
    t.integer('row_no').notNullable();
    t.string('member_label', 255).notNullable();
    t.string('viewer_kind', 8).notNullable();
    t.string('viewer_id', 128).notNullable();
    t.string('resolved_by', 128).nullable();
    t.bigInteger('resolved_at').notNullable();
    t.unique(['live_id', 'round_no', 'row_no', 'member_label']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('live_checkin_resolutions');
}

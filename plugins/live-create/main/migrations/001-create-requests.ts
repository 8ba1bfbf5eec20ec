import type { Knex } from 'knex';

/**
 * Idempotency keys of `live-create.create`: the first call with a key creates the live, any later call
 * with it answers that live (R1.5: a retry never duplicates a write). A row without a livingid
 * is a create whose outcome is unknown (the app stopped mid-call); its retry searches WeCom first.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_create_requests', (t) => {
    t.string('corp_id', 64).notNullable();
    t.string('userid', 128).notNullable();
    t.string('idempotency_key', 64).notNullable();
    t.string('request_hash', 64).notNullable();
    t.string('livingid', 128).nullable();
    t.bigInteger('created_at').notNullable();
    t.primary(['corp_id', 'userid', 'idempotency_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('live_create_requests');
}

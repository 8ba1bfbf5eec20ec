import type { Knex } from 'knex';

/** Corps (secrets encrypted by the vault) and the trusted-IP list. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('corps', (t) => {
    t.string('corp_id', 64).primary(); // internal id: a corp app is (corpid, agentid)
    t.string('corpname', 100).notNullable().unique();
    t.string('corpid', 64).notNullable();
    t.integer('agentid').notNullable();
    t.text('secret_cipher').notNullable();
    t.string('app_name', 100).notNullable().defaultTo('');
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.unique(['corpid', 'agentid']);
  });
  await knex.schema.createTable('trusted_ips', (t) => {
    t.string('ip', 45).primary();
    t.string('source', 16).notNullable(); // detected | wecom-60020 | manual
    t.bigInteger('first_seen_at').notNullable();
    t.bigInteger('last_seen_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('trusted_ips');
  await knex.schema.dropTableIfExists('corps');
}

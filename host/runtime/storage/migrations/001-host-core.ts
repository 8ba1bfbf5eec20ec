import type { Knex } from 'knex';

/** Accounts, sessions, plugins, jobs, files, config and audit: what the runtime core needs. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    // Root-admin has no corp; WeCom accounts belong to one (the corps table comes with the accounts work).
    t.string('corp_id', 64).nullable();
    t.string('userid', 128).notNullable(); // lower case: WeCom userids compare case-insensitively
    t.string('username', 128).notNullable().defaultTo('');
    t.string('tier', 16).notNullable();
    t.string('password_hash', 256).nullable();
    t.string('recovery_hash', 256).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_login_at').nullable();
    t.unique(['corp_id', 'userid']);
  });
  await knex.schema.createTable('sessions', (t) => {
    t.string('id', 36).primary();
    t.string('token_hash', 64).notNullable().unique(); // sha256: a copied database opens no session
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('corp_id', 64).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_seen_at').notNullable();
  });
  await knex.schema.createTable('plugin_states', (t) => {
    t.string('plugin_id', 64).primary();
    t.boolean('enabled').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.string('updated_by', 128).nullable();
  });
  await knex.schema.createTable('jobs', (t) => {
    t.string('id', 36).primary();
    t.string('kind', 128).notNullable();
    t.string('plugin_id', 64).nullable();
    t.string('owner_userid', 128).nullable();
    t.string('owner_tier', 16).nullable();
    t.string('corp_id', 64).nullable();
    t.string('state', 16).notNullable();
    t.integer('done').notNullable().defaultTo(0);
    t.integer('total').notNullable().defaultTo(0);
    t.string('message', 500).notNullable().defaultTo('');
    t.text('input').notNullable();
    t.text('result').nullable();
    t.text('error').nullable();
    t.bigInteger('run_at').notNullable();
    t.string('dedupe_key', 200).nullable();
    t.integer('attempt').notNullable().defaultTo(0);
    t.integer('max_attempts').notNullable().defaultTo(1);
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.index(['state', 'run_at']);
    t.index(['dedupe_key']);
    t.index(['owner_userid']);
  });
  await knex.schema.createTable('files', (t) => {
    t.string('id', 36).primary();
    t.string('owner_userid', 128).nullable();
    t.string('kind', 16).notNullable(); // upload | export
    t.string('name', 255).notNullable();
    t.bigInteger('size').notNullable().defaultTo(0);
    t.string('path', 1024).notNullable();
    t.bigInteger('created_at').notNullable();
  });
  await knex.schema.createTable('config', (t) => {
    t.string('key', 200).primary();
    t.text('value').notNullable();
    t.bigInteger('updated_at').notNullable();
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary();
    t.bigInteger('at').notNullable();
    t.string('actor_userid', 128).nullable();
    t.string('actor_tier', 16).nullable();
    t.string('action', 100).notNullable();
    t.string('target', 255).nullable();
    t.boolean('ok').notNullable();
    t.text('detail').nullable();
    t.index(['at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['audit_log', 'config', 'files', 'jobs', 'plugin_states', 'sessions', 'users']) {
    await knex.schema.dropTableIfExists(table);
  }
}

import type { Knex } from 'knex';

/**
 * Account hardening (docs/threat-model.md): a session remembers the tier it was opened at (a tier change
 * ends it), a new or reset WeCom admin has a one-time initial code, and files are owned by
 * (corp, userid) rather than a bare userid.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.string('tier', 16).nullable();
  });
  // Open sessions keep working: they were opened at the tier their account has now.
  await knex.raw('UPDATE sessions SET tier = (SELECT u.tier FROM users u WHERE u.id = sessions.user_id)');
  await knex.schema.alterTable('users', (t) => {
    t.string('initial_code_hash', 256).nullable();
  });
  await knex.schema.alterTable('files', (t) => {
    t.string('owner_corp_id', 64).nullable();
    t.index(['owner_corp_id', 'owner_userid']);
  });
  // A file whose userid belongs to exactly one corp account is that account's; root-admin's stay root's.
  await knex.raw(`
    UPDATE files SET owner_corp_id = (
      SELECT u.corp_id FROM users u WHERE u.userid = files.owner_userid AND u.corp_id IS NOT NULL
    )
    WHERE owner_userid IS NOT NULL AND owner_userid <> 'root-admin' AND (
      SELECT COUNT(*) FROM users u WHERE u.userid = files.owner_userid AND u.corp_id IS NOT NULL
    ) = 1`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('files', (t) => {
    t.dropIndex(['owner_corp_id', 'owner_userid']);
    t.dropColumn('owner_corp_id');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('initial_code_hash');
  });
  await knex.schema.alterTable('sessions', (t) => {
    t.dropColumn('tier');
  });
}

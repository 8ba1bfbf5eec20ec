import type { Knex } from 'knex';

/**
 * Invitations to a live by app message (R10.3). An invitation is one card to many people; it goes out in
 * batches of at most 1000 userids (message/send's limit). Each batch row is written, with a stable
 * idempotency key, before its message is sent, so a send whose answer is lost is known as "unknown" and
 * never sent again blindly (docs/architecture.md, invitations). Recipients keep WeCom's answer per person.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('live_detail_invitations', (t) => {
    t.string('id', 64).primary();
    t.string('corp_id', 64).notNullable();
    t.string('livingid', 128).notNullable();
    t.string('sender_userid', 128).notNullable();
    /** The dialog's key: a repeated call with it answers this invitation. */
    t.string('idempotency_key', 64).notNullable();
    t.text('note').notNullable();
    /** The text card as sent (JSON): a resend sends exactly this. */
    t.text('card').notNullable();
    /** JSON array of department ids (toparty). */
    t.text('department_ids').notNullable();
    t.text('invalid_departments').notNullable().defaultTo('[]');
    t.string('job_id', 64).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('finished_at').nullable();
    t.unique(['corp_id', 'sender_userid', 'idempotency_key']);
    t.index(['corp_id', 'livingid', 'created_at']);
  });
  await knex.schema.createTable('live_detail_invitation_batches', (t) => {
    t.string('id', 64).primary();
    t.string('invitation_id', 64).notNullable().references('id').inTable('live_detail_invitations');
    t.integer('seq').notNullable();
    /** `<invitation>:<seq>`: one message per key, whatever happens to the request. */
    t.string('idempotency_key', 140).notNullable().unique();
    /** JSON array of the userids in touser, in order. */
    t.text('touser').notNullable();
    t.text('toparty').notNullable().defaultTo('[]');
    t.string('state', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('msgid', 128).nullable();
    t.integer('errcode').nullable();
    t.text('errmsg').nullable();
    /** When it was (last) handed to WeCom, ms. */
    t.bigInteger('sent_at').nullable();
    t.bigInteger('first_sent_at').nullable();
    t.index(['invitation_id', 'state']);
  });
  await knex.schema.createTable('live_detail_invitation_recipients', (t) => {
    t.string('invitation_id', 64).notNullable().references('id').inTable('live_detail_invitations');
    t.string('corp_id', 64).notNullable();
    t.string('livingid', 128).notNullable();
    /** Lower case: WeCom's userids are case-insensitive. */
    t.string('userid_key', 128).notNullable();
    /** As the directory stores it (else as pasted). */
    t.string('userid', 128).notNullable();
    t.string('name', 255).notNullable().defaultTo('');
    t.string('batch_id', 64).nullable();
    t.string('state', 16).notNullable();
    t.integer('errcode').nullable();
    t.text('reason').notNullable().defaultTo('');
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('sent_at').nullable();
    t.primary(['invitation_id', 'userid_key']);
    t.index(['corp_id', 'livingid', 'userid_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('live_detail_invitation_recipients');
  await knex.schema.dropTableIfExists('live_detail_invitation_batches');
  await knex.schema.dropTableIfExists('live_detail_invitations');
}

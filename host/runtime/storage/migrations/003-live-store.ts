import type { Knex } from 'knex';

/**
 * The live store (docs/architecture.md "Live store"): lives, their viewers, a name cache, online samples and check-ins.
 * Every row belongs to a corp by its internal corpId; the unique keys are the ones every merge upserts
 * on, so pulling the same data twice changes nothing. WeCom times are Unix seconds; our own times
 * (created, synced, sampled) are milliseconds like the other host tables. Portable Knex only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('lives', (t) => {
    t.increments('id').primary();
    t.string('corp_id', 64).notNullable().references('corp_id').inTable('corps').onDelete('CASCADE');
    t.string('livingid', 128).notNullable();
    t.string('theme', 100).notNullable().defaultTo('');
    t.string('description', 500).notNullable().defaultTo('');
    t.integer('type').nullable();
    // 0 预约中, 1 直播中, 2 已结束, 3 已过期, 4 已取消; null until WeCom has been asked.
    t.integer('status').nullable();
    t.string('anchor_userid', 128).notNullable().defaultTo('');
    // Typed at creation (R3.1), never sent to WeCom; the first inviter-name rule after the stats (R4.6).
    t.string('anchor_name', 128).nullable();
    t.integer('main_department').nullable();
    // Reserved: as we sent it (then WeCom's reserve_start/reserve_living_duration). Actual: what WeCom
    // reports once the live has started. A captured WeCom answer shows they differ, so both are kept.
    t.bigInteger('reserve_start').nullable();
    t.integer('reserve_duration').nullable();
    t.bigInteger('actual_start').nullable();
    t.integer('actual_duration').nullable();
    t.integer('remind_time').nullable();
    t.integer('viewer_num').nullable();
    t.integer('comment_num').nullable();
    t.integer('mic_num').nullable();
    t.integer('open_replay').nullable();
    t.integer('replay_status').nullable();
    t.string('push_stream_url', 1024).nullable();
    t.integer('online_count').nullable();
    t.integer('subscribe_count').nullable();
    // The whole living_info as last pulled, so fields WeCom adds later are kept too.
    t.text('raw_info').nullable();
    t.boolean('created_by_us').notNullable().defaultTo(false);
    t.string('creator_userid', 128).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('last_synced_at').nullable();
    t.bigInteger('stats_synced_at').nullable();
    t.unique(['corp_id', 'livingid']);
    t.index(['corp_id', 'anchor_userid']);
    t.index(['corp_id', 'reserve_start']);
    t.index(['corp_id', 'creator_userid']);
  });

  await knex.schema.createTable('live_viewers', (t) => {
    t.increments('id').primary();
    t.integer('live_id').unsigned().notNullable().references('id').inTable('lives').onDelete('CASCADE');
    // internal: a member's userid (stat_info.users); external: an external_userid (external_users).
    t.string('viewer_kind', 8).notNullable();
    t.string('viewer_id', 128).notNullable();
    // external_users.type: 1 WeChat user, 2 WeCom user of another corp; null for members.
    t.integer('external_type').nullable();
    t.string('name', 128).notNullable().defaultTo('');
    t.integer('watch_time').notNullable().defaultTo(0);
    t.boolean('is_comment').notNullable().defaultTo(false);
    t.boolean('is_mic').notNullable().defaultTo(false);
    t.string('invitor_userid', 128).nullable();
    t.string('invitor_external_userid', 128).nullable();
    t.string('inviter_name', 128).nullable();
    // Which R4.6 rule named the inviter: watch-stat | anchor | viewer | people | user-get | none.
    t.string('inviter_rule', 16).nullable();
    t.text('raw').nullable();
    t.bigInteger('first_seen_at').notNullable();
    t.bigInteger('last_synced_at').notNullable();
    t.unique(['live_id', 'viewer_kind', 'viewer_id']);
    t.index(['invitor_userid']);
    t.index(['invitor_external_userid']);
  });

  await knex.schema.createTable('live_people', (t) => {
    t.string('corp_id', 64).notNullable().references('corp_id').inTable('corps').onDelete('CASCADE');
    t.string('person_kind', 8).notNullable(); // internal | external
    t.string('person_id', 128).notNullable();
    t.string('name', 128).notNullable().defaultTo('');
    // Where the name came from: watch-stat | anchor | user-get | checkin | manual.
    t.string('source', 16).notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['corp_id', 'person_kind', 'person_id']);
  });

  await knex.schema.createTable('live_online_snapshots', (t) => {
    t.integer('live_id').unsigned().notNullable().references('id').inTable('lives').onDelete('CASCADE');
    t.bigInteger('sampled_at').notNullable(); // ms
    t.integer('online_count').notNullable();
    t.primary(['live_id', 'sampled_at']);
  });

  await knex.schema.createTable('live_checkin_rounds', (t) => {
    t.increments('id').primary();
    t.integer('live_id').unsigned().notNullable().references('id').inTable('lives').onDelete('CASCADE');
    t.integer('round_no').notNullable(); // 1 for 第一次签到, …
    t.string('title', 100).notNullable().defaultTo('');
    t.bigInteger('started_at').nullable(); // Unix s (签到发起时间, read in the configured zone)
    t.integer('reported_count').nullable(); // 已签到人数 as the workbook states it
    t.string('source_file', 255).nullable();
    t.bigInteger('imported_at').notNullable();
    t.unique(['live_id', 'round_no']);
  });

  await knex.schema.createTable('live_checkin_records', (t) => {
    t.increments('id').primary();
    t.integer('round_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('live_checkin_rounds')
      .onDelete('CASCADE');
    t.integer('row_no').notNullable();
    t.string('member_label', 255).notNullable(); // 已签到成员, e.g. 黍离。@微信
    t.string('department', 255).notNullable().defaultTo('');
    // The viewer it was matched to, if any: matched | ambiguous | unmatched.
    t.string('viewer_kind', 8).nullable();
    t.string('viewer_id', 128).nullable();
    t.string('match_state', 12).notNullable().defaultTo('unmatched');
    t.bigInteger('checked_at').nullable();
    t.unique(['round_id', 'row_no']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('live_checkin_records');
  await knex.schema.dropTableIfExists('live_checkin_rounds');
  await knex.schema.dropTableIfExists('live_online_snapshots');
  await knex.schema.dropTableIfExists('live_people');
  await knex.schema.dropTableIfExists('live_viewers');
  await knex.schema.dropTableIfExists('lives');
}

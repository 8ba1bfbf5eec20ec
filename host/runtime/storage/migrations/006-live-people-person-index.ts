import type { Knex } from 'knex';

/**
 * The name cache looked up by person id within a corp, whatever the kind: the merge of a live's viewers
 * asks `corp_id = ? and person_id in (…)` once per live, which the primary key (corp_id, person_kind,
 * person_id) answers only by scanning every cached person of the corp (tens of thousands after a few
 * syncs; the plan is checked in live-people-index.spec.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('live_people', (t) => {
    t.index(['corp_id', 'person_id'], 'live_people_corp_person');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('live_people', (t) => {
    t.dropIndex(['corp_id', 'person_id'], 'live_people_corp_person');
  });
}

import type { Knex } from 'knex';
import { themeSortKeys } from '../../live-store/theme-sort-key.js';

/**
 * The list's 主题 sort in pinyin order (docs/architecture.md, "Queries at scale"): `lives.theme_sort` keeps
 * each theme's key (live-store/theme-sort-key.ts), filled here for the lives already stored, and the
 * theme sort's index moves from the theme itself to the key.
 */
const BATCH = 1000;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('lives', (table) => {
    table.text('theme_sort').notNullable().defaultTo('');
  });
  for (let after = 0; ;) {
    const lives = (await knex('lives')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'theme')) as Array<{
      id: number;
      theme: string;
    }>;
    const last = lives[lives.length - 1];
    if (last === undefined) break;
    const keys = await themeSortKeys(lives.map((live) => live.theme));
    for (const [index, live] of lives.entries()) {
      await knex('lives')
        .where('id', live.id)
        .update({ theme_sort: keys[index] ?? '' });
    }
    after = last.id;
  }
  await knex.raw('drop index if exists lives_sort_theme_index');
  await knex.raw('create index lives_sort_theme_index on lives (corp_id, theme_sort, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists lives_sort_theme_index');
  await knex.raw('create index lives_sort_theme_index on lives (corp_id, theme, id)');
  await knex.schema.alterTable('lives', (table) => {
    table.dropColumn('theme_sort');
  });
}

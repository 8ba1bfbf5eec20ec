// A loop of awaited queries on the real database (a SQLite file through openDatabase) lets the event loop
// turn while it runs, so other requests are answered meanwhile; a transaction's queries run unbroken.
import { join } from 'node:path';
import type { Knex } from 'knex';
import { removeDir, tempDataDir } from '../../../tests/support/runtime-harness.js';
import { QUERY_TURN_BUDGET_MS } from './cooperative-queries.js';
import { openDatabase } from './database.js';

describe('queries give the event loop a turn', () => {
  let dir: string;
  let db: Knex;

  beforeAll(async () => {
    dir = tempDataDir('cooperative-queries');
    db = openDatabase({ filename: join(dir, 'data.sqlite') });
    await db.schema.createTable('numbers', (table) => {
      table.increments('id');
      table.integer('value');
    });
    const rows = Array.from({ length: 20_000 }, (_, value) => ({ value }));
    for (let start = 0; start < rows.length; start += 400) {
      await db('numbers').insert(rows.slice(start, start + 400));
    }
  });

  afterAll(async () => {
    await db.destroy();
    removeDir(dir);
  });

  /** Runs `sum` queries on `on` one after another for well over the budget; how many a timer saw run first. */
  async function queriesBeforeTimer(
    on: Knex | Knex.Transaction,
  ): Promise<{ queries: number; seenByTimer: number | null }> {
    let queries = 0;
    let seenByTimer: number | null = null;
    const timer = setTimeout(() => (seenByTimer = queries), 0);
    const started = performance.now();
    while (performance.now() - started < 10 * QUERY_TURN_BUDGET_MS) {
      await on('numbers').sum({ total: 'value' });
      queries += 1;
    }
    clearTimeout(timer);
    return { queries, seenByTimer };
  }

  it('lets a timer run in the middle of a long loop of queries', async () => {
    const { queries, seenByTimer } = await queriesBeforeTimer(db);
    expect(queries).toBeGreaterThan(2);
    expect(seenByTimer).not.toBeNull();
    expect(seenByTimer ?? queries).toBeLessThan(queries);
  });

  it('runs a transaction’s queries without a turn in between', async () => {
    const { queries, seenByTimer } = await db.transaction((trx) => queriesBeforeTimer(trx));
    expect(queries).toBeGreaterThan(2);
    // The loop inside the transaction ended before the timer could run.
    expect(seenByTimer).toBeNull();
  });
});

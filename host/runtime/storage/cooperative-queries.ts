// better-sqlite3 answers synchronously, so a loop of awaited queries (an export reading page after page)
// runs as one chain of microtasks: the event loop gets no turn, and every other request, host.status
// included, waits until the loop ends (measured: a 10,000-live list export held the host for 0.4–0.7 s).
// Before a query takes a connection, this gives the event loop a turn once the work running since the
// last turn has gone on longer than a budget. A transaction's queries run unbroken: they use the
// transaction's connection, not this path (docs/architecture.md, "Live store").
import type { Knex } from 'knex';
import { nextTurn } from '../../../sdk/main/event-loop.js';

/** Work between two event-loop turns, at most, before a query waits for one. */
export const QUERY_TURN_BUDGET_MS = 15;

interface PooledClient {
  acquireConnection(): Promise<unknown>;
}

export function yieldBetweenQueries(db: Knex, budgetMs = QUERY_TURN_BUDGET_MS): void {
  // Knex types its client as any; only the pool's acquire is used.
  const client = db.client as PooledClient;
  const acquire = client.acquireConnection.bind(client);
  // `turns` counts event-loop turns seen: a callback armed at the start of a run of work fires on the
  // next turn, so an unchanged count means the run has not let the loop turn yet.
  let turns = 0;
  let armed = false;
  let runTurn = -1;
  let runStarted = 0;
  const arm = (): void => {
    if (armed) return;
    armed = true;
    setImmediate(() => {
      armed = false;
      turns += 1;
    });
  };
  client.acquireConnection = async () => {
    const now = performance.now();
    if (runTurn !== turns) {
      runTurn = turns;
      runStarted = now;
      arm();
    } else if (now - runStarted > budgetMs) {
      await nextTurn();
      runTurn = turns;
      runStarted = performance.now();
      arm();
    }
    return acquire();
  };
}

import type { Knex } from 'knex';

/**
 * Whether a session still exists and is not idle, read without touching it: an open event stream is
 * not user activity, so SessionService.resolve (which refreshes last_seen_at) must not be used here.
 */
export async function isSessionActive(
  db: Knex,
  sessionId: string,
  idleMs: number,
  now = Date.now(),
): Promise<boolean> {
  const row = (await db('sessions').where({ id: sessionId }).first('last_seen_at')) as
    { last_seen_at: number } | undefined;
  return row !== undefined && now - row.last_seen_at <= idleMs;
}

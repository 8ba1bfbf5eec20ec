import type { Knex } from 'knex';
import { invitedByOtherSql, inviterLabelSql } from '../../../sdk/contracts/inviter-naming.js';
import type { ViewerProfileCounts } from '../../../sdk/contracts/lives.js';
import { liveIdOf, type CheckinReads } from './checkins/checkin-reads.js';

/**
 * The inviter as the detail shows it (R4.6's `inviterText` over `inviterAsRead`, in SQL): over the viewers
 * grouped by inviter (`g`) and the cache joined as `pi` (members) and `pe` (external).
 */
const INVITER_LABEL = inviterLabelSql({ v: 'g', members: 'pi', externals: 'pe' });

/**
 * The viewer profile's figures in a few aggregate queries over indexes (live_viewers by live, the name
 * cache by key, check-in records by round and state), so a detail page costs the same whether the live
 * has 30 viewers or 3,000: no viewer row travels to JavaScript. Check-in figures are kept per import.
 */
export async function viewerProfileCounts(
  db: Knex,
  checkins: CheckinReads,
  corpId: string,
  livingid: string,
  watchTimeBounds: readonly number[],
): Promise<ViewerProfileCounts> {
  const live = { id: await liveIdOf(db, corpId, livingid) };
  const buckets = [0, ...watchTimeBounds].map((from, index) => {
    const below = watchTimeBounds[index];
    return below === undefined
      ? db.raw('sum(watch_time >= ?) as ??', [from, `w${index}`])
      : db.raw('sum(watch_time >= ? and watch_time < ?) as ??', [from, below, `w${index}`]);
  });
  const totals = (await db('live_viewers')
    .where('live_id', live.id)
    .select(
      db.raw('count(*) as viewers'),
      db.raw(`sum(viewer_kind = 'internal') as members`),
      db.raw(`sum(viewer_kind = 'external' and external_type = 1) as wechat`),
      db.raw(`sum(viewer_kind = 'external' and external_type = 2) as other_corp`),
      db.raw(`sum(viewer_kind = 'external' and (external_type is null or external_type not in (1, 2)))
        as other_external`),
      db.raw('sum(is_comment <> 0) as comments'),
      db.raw('sum(is_mic <> 0) as mics'),
      ...buckets,
    )
    .first()) as Record<string, number | string | null>;
  const num = (key: string): number => Number(totals[key] ?? 0);
  const inviters = (await invitersOf(db, corpId, live.id)) as Array<{ label: string; viewers: number }>;
  const { rounds, checkedIn } = await checkins.rounds(live.id);
  return {
    viewers: num('viewers'),
    members: num('members'),
    wechat: num('wechat'),
    otherCorp: num('other_corp'),
    otherExternal: num('other_external'),
    watchTime: buckets.map((_, index) => num(`w${index}`)),
    comments: num('comments'),
    mics: num('mics'),
    checkedIn,
    inviters: inviters.map((row) => ({ label: row.label, viewers: Number(row.viewers) })),
    rounds: rounds.map((round) => ({ roundNo: round.roundNo, title: round.title, viewers: round.viewers })),
  };
}

/**
 * Viewers invited by somebody else, grouped by the inviter as shown. The viewers are grouped by inviter
 * first (one pass over the live's viewers), so the name cache is looked up (by its key) once per distinct
 * inviter, not once per viewer.
 */
function invitersOf(db: Knex, corpId: string, liveId: number): Knex.QueryBuilder {
  const byInviter = db('live_viewers')
    .where('live_id', liveId)
    .whereRaw(invitedByOtherSql('live_viewers'))
    .groupBy('invitor_userid', 'invitor_external_userid', 'inviter_name')
    .select('invitor_userid', 'invitor_external_userid', 'inviter_name')
    .count({ viewers: '*' })
    .as('g');
  const labelled = db
    .from(byInviter)
    .leftJoin('live_people as pi', (join) =>
      join
        .on('pi.corp_id', db.raw('?', [corpId]))
        .andOn('pi.person_kind', db.raw('?', ['internal']))
        .andOn('pi.person_id', 'g.invitor_userid'),
    )
    .leftJoin('live_people as pe', (join) =>
      join
        .on('pe.corp_id', db.raw('?', [corpId]))
        .andOn('pe.person_kind', db.raw('?', ['external']))
        .andOn('pe.person_id', 'g.invitor_external_userid'),
    )
    .select(db.raw(`${INVITER_LABEL} as label`), 'g.viewers')
    .as('l');
  return db.from(labelled).groupBy('label').select('label').sum({ viewers: 'viewers' });
}

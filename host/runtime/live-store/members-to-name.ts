import type { Knex } from 'knex';
import { USER_GET_DENIED_SOURCE } from '../../../sdk/contracts/inviter-naming.js';
import type { MembersToName } from '../../../sdk/main/live-store.js';
import { liveIdOf } from './checkins/checkin-reads.js';

// The live's members without a name: its member inviters the R4.6 rules left unnamed (not self-invites),
// then its member viewers (WeCom's stats never name them), each with the name cache's entry, if any.
const UNNAMED_MEMBERS = `
with unnamed(userid, first_row, is_viewer) as (
  select v.invitor_userid, min(v.id), 0 from live_viewers v
   where v.live_id = :liveId and v.invitor_userid is not null and coalesce(v.inviter_name, '') = ''
     and coalesce(v.inviter_rule, '') <> 'self'
   group by v.invitor_userid
  union all
  select v.viewer_id, v.id, 1 from live_viewers v
   where v.live_id = :liveId and v.viewer_kind = 'internal' and coalesce(v.name, '') = ''
)
select u.userid, p.person_id as cached, p.source, p.updated_at from unnamed u
  left join live_people p
    on p.corp_id = :corpId and p.person_kind = 'internal' and p.person_id = u.userid
 where coalesce(p.name, '') = ''
 order by u.first_row, u.is_viewer`;

interface UnnamedRow {
  userid: string;
  cached: string | null;
  source: string | null;
  updated_at: number | null;
}

/**
 * Who R4.6 rule 5 still has to ask of user/get for a live: its member inviters and member viewers with
 * no name anywhere, leaving out those user/get answered without a name at or after `askedBefore` (a
 * member WeCom refused or did not know is not asked again on every visit). In the live's viewer order,
 * each id once.
 */
export async function membersToName(
  db: Knex,
  corpId: string,
  livingid: string,
  query: { limit: number; askedBefore: number },
): Promise<MembersToName> {
  const liveId = await liveIdOf(db, corpId, livingid);
  const rows = (await db.raw(UNNAMED_MEMBERS, { liveId, corpId })) as UnnamedRow[];
  const userids: string[] = [];
  const seen = new Set<string>();
  let deniedLately = 0;
  for (const row of rows) {
    if (seen.has(row.userid)) continue;
    seen.add(row.userid);
    const answeredLately = row.cached !== null && Number(row.updated_at) >= query.askedBefore;
    if (!answeredLately) {
      if (userids.length < query.limit) userids.push(row.userid);
    } else if (row.source === USER_GET_DENIED_SOURCE) deniedLately += 1;
  }
  return { userids, deniedLately };
}

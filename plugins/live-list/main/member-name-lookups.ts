// R4.6 rule 5 for a whole sync: the members' user/get lookups run in parallel lanes (the gateway still
// bounds what is in flight), each lane through the shared resolveMemberNames so the rules stay in one place.
import { resolveMemberNames, type MemberNamesResult } from '../../../sdk/main/member-names.js';
import type { LiveStore } from '../../../sdk/main/live-store.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import { forEachConcurrently } from './concurrency.js';

/**
 * Looks up every userid once (case-insensitively) in up to `lanes` parallel lanes. The first error that
 * ends a lane (WeCom unreachable, 60020) stops the others and is thrown, as resolveMemberNames would.
 */
export async function resolveMemberNamesConcurrently(
  gateway: WeComGateway,
  liveStore: LiveStore,
  corpId: string,
  userids: Iterable<string>,
  lanes: number,
  signal: AbortSignal,
): Promise<MemberNamesResult> {
  const unique = new Map<string, string>();
  for (const userid of userids)
    if (!unique.has(userid.toLowerCase())) unique.set(userid.toLowerCase(), userid);
  const groups: string[][] = Array.from({ length: Math.max(1, Math.min(lanes, unique.size)) }, () => []);
  [...unique.values()].forEach((userid, index) => groups[index % groups.length]?.push(userid));
  const result: MemberNamesResult = { named: [], denied: false };
  await forEachConcurrently(groups, groups.length, signal, async (group, laneSignal) => {
    const found = await resolveMemberNames(gateway, liveStore, corpId, group, laneSignal);
    result.named.push(...found.named);
    result.denied ||= found.denied;
  });
  return result;
}

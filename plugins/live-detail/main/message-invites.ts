// Which member viewers an invitation message reached (the plugin's own table, read by invitations.ts):
// deliveries are keyed by lower-case userid, since WeCom matches userids whatever their case.
import type { ViewerRecord } from '../../../sdk/contracts/lives.js';

/** When the first invitation reached `viewer` (ms), or undefined: none, or not a member. */
export function firstInviteOf(
  firsts: ReadonlyMap<string, number>,
  viewer: Pick<ViewerRecord, 'kind' | 'viewerId'>,
): number | undefined {
  return viewer.kind === 'internal' ? firsts.get(viewer.viewerId.toLowerCase()) : undefined;
}

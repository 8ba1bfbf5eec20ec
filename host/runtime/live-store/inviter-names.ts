import type { InviterRule, ViewerKind } from '../../../sdk/contracts/lives.js';
import type { StatViewer } from './watch-stat-viewers.js';

export interface NamedInviter {
  name: string | null;
  rule: InviterRule | null;
}

export interface InviterNameSources {
  anchorUserid: string;
  anchorName: string | null;
  /** The name cache (live_people), keyed by `personKey` (ids spelt exactly as WeCom gave them). */
  known: ReadonlyMap<string, string>;
}

/**
 * The name cache's key: the id exactly as WeCom spelt it. WeCom compares userids case-insensitively, yet a
 * name is only ever reused for the spelling it was learnt (or asked of user/get) with: see
 * docs/architecture.md, live store.
 */
export const personKey = (kind: ViewerKind, id: string): string => `${kind}:${id}`;

/** One member whatever the spelling (`WangDeSheng`, `wangdesheng`): for "is it the same person" only. */
export function samePerson(
  a: { kind: ViewerKind; id: string },
  b: { kind: ViewerKind; id: string },
): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'internal' ? a.id.toLowerCase() === b.id.toLowerCase() : a.id === b.id;
}

/**
 * Names every viewer's inviter by the local rules of R4.6. First of all, a viewer recorded as their own
 * inviter is a self-invite (`self`, no name), whatever any rule would say: their name would be their own.
 * Then, in order: (1) a name WeCom answered in the stats; (2) the inviter is the anchor → the anchor name
 * typed at creation; (3) the inviter watched the same live → that viewer's name; (4) the name cache.
 * Rule (5), WeCom's user/get, is a call: the caller does it for what stays unnamed (`none`), with the
 * userid exactly as received, and records it as `user-get`.
 */
export function nameInviters(viewers: readonly StatViewer[], sources: InviterNameSources): NamedInviter[] {
  const viewerNames = new Map<string, string>();
  for (const viewer of viewers) {
    if (viewer.name !== '') viewerNames.set(personKey(viewer.kind, viewer.id), viewer.name);
  }
  return viewers.map((viewer) => {
    const inviter = inviterOf(viewer);
    if (inviter === null) return { name: null, rule: null };
    if (samePerson(inviter, viewer)) return { name: null, rule: 'self' };
    if (viewer.statInviterName !== null) return { name: viewer.statInviterName, rule: 'watch-stat' };
    const key = personKey(inviter.kind, inviter.id);
    // The typed anchor name belongs to the member, whichever spelling the stats use.
    const isAnchor = samePerson(inviter, { kind: 'internal', id: sources.anchorUserid });
    if (isAnchor && sources.anchorName !== null && sources.anchorName !== '') {
      return { name: sources.anchorName, rule: 'anchor' };
    }
    const asViewer = viewerNames.get(key);
    if (asViewer !== undefined) return { name: asViewer, rule: 'viewer' };
    const known = sources.known.get(key);
    if (known !== undefined && known !== '') return { name: known, rule: 'people' };
    return { name: null, rule: 'none' };
  });
}

/** The viewer's inviter: a member when WeCom gives invitor_userid, else an external user. */
export function inviterOf(viewer: StatViewer): { kind: ViewerKind; id: string } | null {
  if (viewer.invitorUserid !== null) return { kind: 'internal', id: viewer.invitorUserid };
  if (viewer.invitorExternalUserid !== null) return { kind: 'external', id: viewer.invitorExternalUserid };
  return null;
}

import type { InviterRule, ViewerKind } from '../../../sdk/contracts/lives.js';
import type { StatViewer } from './watch-stat-viewers.js';

export interface NamedInviter {
  name: string | null;
  rule: InviterRule | null;
}

export interface InviterNameSources {
  anchorUserid: string;
  anchorName: string | null;
  /** The name cache (live_people), keyed `<kind>:<id>`. */
  known: ReadonlyMap<string, string>;
}

export const personKey = (kind: ViewerKind, id: string): string =>
  `${kind}:${kind === 'internal' ? id.toLowerCase() : id}`;

/**
 * Names every viewer's inviter by the local rules of R4.6, in order: (1) a name WeCom answered in the
 * stats; (2) the inviter is the anchor → the anchor name typed at creation; (3) the inviter watched the
 * same live → that viewer's name, never the viewer's own (no self-invite); (4) the name cache. Rule (5),
 * WeCom's user/get, is a call: the caller does it for what stays unnamed and records it as `user-get`.
 */
export function nameInviters(viewers: readonly StatViewer[], sources: InviterNameSources): NamedInviter[] {
  const viewerNames = new Map<string, string>();
  for (const viewer of viewers) {
    if (viewer.name !== '') viewerNames.set(personKey(viewer.kind, viewer.id), viewer.name);
  }
  return viewers.map((viewer) => {
    const inviter = inviterOf(viewer);
    if (inviter === null) return { name: null, rule: null };
    if (viewer.statInviterName !== null) return { name: viewer.statInviterName, rule: 'watch-stat' };
    const key = personKey(inviter.kind, inviter.id);
    const isAnchor =
      inviter.kind === 'internal' && inviter.id.toLowerCase() === sources.anchorUserid.toLowerCase();
    if (isAnchor && sources.anchorName !== null && sources.anchorName !== '') {
      return { name: sources.anchorName, rule: 'anchor' };
    }
    // A viewer is never their own inviter's name source, whatever names them (no self-invite).
    if (key === personKey(viewer.kind, viewer.id)) return { name: null, rule: 'none' };
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

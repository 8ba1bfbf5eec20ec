import type { SessionCorp, SessionUser } from '../../../sdk/contracts/host-status.js';

/** One choice under the 成员 userid field. */
export interface MemberSuggestion {
  userid: string;
  label: string;
}

const RECENT_LIMIT = 5;

function storageKey(corp: SessionCorp | null, user: SessionUser): string {
  return `wecom-live.recentSyncMembers.${corp?.corpId ?? '-'}.${user.userid}`;
}

/**
 * What the field offers instead of being prefilled (prefilling would also filter the list down to the
 * signed-in member's lives): oneself first when one has a WeCom userid, then the members this account
 * synced last on this machine. Userids only, nothing secret.
 */
export function memberSuggestions(
  user: SessionUser | null,
  corp: SessionCorp | null,
  storage: Storage | null,
): MemberSuggestion[] {
  if (user === null) return [];
  const remembered = readRecent(storage, storageKey(corp, user));
  // Sessions keep userids in lower case; once a sync has learnt how WeCom spells oneself (「LinYong」),
  // that spelling is offered instead.
  const ownUserid =
    remembered.find((userid) => userid.toLowerCase() === user.userid.toLowerCase()) ?? user.userid;
  const own: MemberSuggestion[] =
    user.tier === 'root-admin' ? [] : [{ userid: ownUserid, label: `${user.username || ownUserid}（我）` }];
  const seen = new Set(own.map((entry) => entry.userid.toLowerCase()));
  const recent = remembered
    .filter((userid) => !seen.has(userid.toLowerCase()))
    .map((userid) => ({ userid, label: '最近同步' }));
  return [...own, ...recent];
}

/** Puts `userid` first among the recent members (case-insensitively unique, at most five). */
export function rememberSyncedMember(
  user: SessionUser | null,
  corp: SessionCorp | null,
  userid: string,
  storage: Storage | null,
): void {
  if (user === null || storage === null) return;
  const key = storageKey(corp, user);
  const next = [
    userid,
    ...readRecent(storage, key).filter((id) => id.toLowerCase() !== userid.toLowerCase()),
  ];
  try {
    storage.setItem(key, JSON.stringify(next.slice(0, RECENT_LIMIT)));
  } catch {
    // Without storage the field simply offers no recent members.
  }
}

function readRecent(storage: Storage | null, key: string): string[] {
  if (storage === null) return [];
  try {
    const saved: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(saved)
      ? saved.filter((id): id is string => typeof id === 'string' && id.trim() !== '').slice(0, RECENT_LIMIT)
      : [];
  } catch {
    return [];
  }
}

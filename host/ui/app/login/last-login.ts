/**
 * What the last successful WeCom login on this machine chose — the saved corp, the userid and name, and
 * whether that account needs a local password — so the next visit starts filled in (R2.3). Nothing
 * secret: no password, no app Secret.
 */
export interface LastLogin {
  corpId: string;
  userid: string;
  username: string;
  admin: boolean;
}

export const LAST_LOGIN_KEY = 'wecom-live.lastLogin';

export function readLastLogin(storage: Storage = localStorage): LastLogin | null {
  try {
    const saved = JSON.parse(storage.getItem(LAST_LOGIN_KEY) ?? 'null') as Partial<LastLogin> | null;
    if (saved === null || typeof saved.corpId !== 'string') return null;
    return {
      corpId: saved.corpId,
      userid: typeof saved.userid === 'string' ? saved.userid : '',
      username: typeof saved.username === 'string' ? saved.username : '',
      admin: saved.admin === true,
    };
  } catch {
    return null;
  }
}

export function writeLastLogin(last: LastLogin, storage: Storage = localStorage): void {
  try {
    storage.setItem(LAST_LOGIN_KEY, JSON.stringify(last));
  } catch {
    // Without storage the next visit simply starts empty.
  }
}

import type { CallContext } from '../../../sdk/main/plugin-context.js';

/**
 * Who owns a job or a file: an account, named by its corp and userid. Userids are unique only within
 * a corp (user001 of corp A is not user001 of corp B), and root-admin's account has no corp, so a corp
 * member whose userid reads "root-admin" is still not root (docs/threat-model.md).
 */
export interface Owner {
  userid: string | null;
  corpId: string | null;
}

/** The account a call acts for. */
export function ownerOf(call: CallContext): Owner {
  return { userid: call.user?.userid ?? null, corpId: call.corp?.corpId ?? null };
}

/**
 * Whether the caller may see what `owner` owns: their own account's things, and for a WeCom admin
 * everything of their own corp. root-admin sees its own (it makes no WeCom business calls); nobody
 * reaches across corps.
 */
export function mayAccess(owner: Owner, call: CallContext): boolean {
  const user = call.user;
  if (user === null) return false;
  const callerCorp = call.corp?.corpId ?? null;
  if (owner.userid !== null && owner.userid === user.userid && owner.corpId === callerCorp) return true;
  return user.tier === 'wecom-admin' && callerCorp !== null && owner.corpId === callerCorp;
}

// R4.6 rule 5, in one place for every plugin: names of members the live data left unnamed, through
// WeCom's user/get (the gateway's TTL cache shares repeated lookups), kept in the live store's name cache.
import { WeComError } from '../wecom/errors.js';
import type { WeComGateway } from '../wecom/gateway.js';
import type { LiveStore } from './live-store.js';

/** user/get answers meaning "the app may not read this member": keep going, the name stays empty. */
const PERMISSION_ERRCODES = new Set([48002, 48009, 60011]);
/** The member does not exist (any more): nothing to grant, the name stays empty too. */
const UNKNOWN_MEMBER_ERRCODES = new Set([46004, 60111]);

/** What to tell people when a permission kept names out (R4.6: say which permission to grant). */
export const MEMBER_NAMES_DENIED_NOTICE =
  '部分成员的姓名无法从企业微信通讯录读取：请在企业微信管理后台为本应用开通「通讯录读取权限」（读取成员），' +
  '并把这些成员加入应用的「可见范围」，然后再同步或刷新。';

export interface MemberNamesResult {
  /** Userids that got a name (stored in the name cache). */
  named: string[];
  /** Some lookups were refused for lack of permission: show MEMBER_NAMES_DENIED_NOTICE. */
  denied: boolean;
}

/**
 * Looks up each member once per spelling, with the userid exactly as received (`WangDeSheng`, never
 * lower-cased), and stores what WeCom answers under that same spelling;
 * a refused or unknown member is stored with an empty name, never an invented one. Other failures
 * (WeCom unreachable, the trusted-IP refusal) end the lookups with their error.
 */
export async function resolveMemberNames(
  gateway: WeComGateway,
  liveStore: LiveStore,
  corpId: string,
  userids: Iterable<string>,
  signal?: AbortSignal,
): Promise<MemberNamesResult> {
  const result: MemberNamesResult = { named: [], denied: false };
  for (const userid of new Set(userids)) {
    signal?.throwIfAborted();
    let name = '';
    try {
      name = await gateway.userName(userid);
    } catch (error) {
      const known = error instanceof WeComError;
      if (
        !known ||
        (!PERMISSION_ERRCODES.has(error.errcode) && !UNKNOWN_MEMBER_ERRCODES.has(error.errcode))
      ) {
        throw error;
      }
      if (PERMISSION_ERRCODES.has(error.errcode)) result.denied = true;
    }
    await liveStore.rememberName(corpId, { kind: 'internal', id: userid, name, source: 'user-get' });
    if (name !== '') result.named.push(userid);
  }
  return result;
}

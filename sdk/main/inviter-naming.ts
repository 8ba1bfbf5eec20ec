// R4.6 rule 5, the one naming rule that calls WeCom, for every caller (the list's sync, the detail's
// refresh): members the local rules left unnamed are asked of user/get (the gateway's TTL cache shares
// repeated lookups) and the answers kept in the live store's name cache. The rules themselves, and the
// errcodes' meaning, are written once in sdk/contracts/inviter-naming.ts.
import {
  memberLookups,
  USER_GET_DENIED_SOURCE,
  userGetOutcome,
  type PersonRef,
} from '../contracts/inviter-naming.js';
import { WeComError } from '../wecom/errors.js';
import type { WeComGateway } from '../wecom/gateway.js';
import type { LiveStore } from './live-store.js';

export { MEMBER_NAMES_DENIED_NOTICE } from '../contracts/inviter-naming.js';

export interface MemberNamesResult {
  /** Userids that got a name (stored in the name cache), spelt as asked. */
  named: string[];
  /** Some lookups were refused for lack of permission: show MEMBER_NAMES_DENIED_NOTICE. */
  denied: boolean;
}

export interface MemberNamesOptions {
  /** Lookups in flight at once (the gateway still bounds its own calls); 1 by default. */
  lanes?: number;
  signal?: AbortSignal;
}

/**
 * Rule 5 for `people`: each member's exact spelling is asked of user/get once (`WangDeSheng`, never
 * lower-cased; external users are skipped) and what WeCom answers is stored under that same spelling; a
 * refused or unknown member is stored with an empty name, never an invented one. Any other failure (WeCom
 * unreachable, the trusted-IP refusal) stops every lane and is thrown once all have settled.
 */
export async function resolveMemberNames(
  gateway: WeComGateway,
  liveStore: LiveStore,
  corpId: string,
  people: Iterable<PersonRef>,
  options: MemberNamesOptions = {},
): Promise<MemberNamesResult> {
  const userids = memberLookups(people);
  const result: MemberNamesResult = { named: [], denied: false };
  const failed = new AbortController();
  const signal =
    options.signal === undefined ? failed.signal : AbortSignal.any([options.signal, failed.signal]);
  const errors: unknown[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < userids.length) {
      signal.throwIfAborted();
      const userid = userids[next] as string;
      next += 1;
      const { name, denied } = await lookUp(gateway, userid);
      if (denied) result.denied = true;
      const source = denied ? USER_GET_DENIED_SOURCE : 'user-get';
      await liveStore.rememberName(corpId, { kind: 'internal', id: userid, name, source });
      if (name !== '') result.named.push(userid);
    }
  };
  const lanes = Math.max(1, Math.min(options.lanes ?? 1, userids.length));
  await Promise.all(
    Array.from({ length: lanes }, () =>
      lane().catch((error: unknown) => {
        if (!failed.signal.aborted) errors.push(error);
        failed.abort(error);
      }),
    ),
  );
  options.signal?.throwIfAborted();
  if (errors.length > 0) throw errors[0];
  return result;
}

/** One user/get: the name, or '' for a refused (`denied`) or unknown member. */
async function lookUp(gateway: WeComGateway, userid: string): Promise<{ name: string; denied: boolean }> {
  try {
    return { name: await gateway.userName(userid), denied: false };
  } catch (error) {
    const outcome = error instanceof WeComError ? userGetOutcome(error.errcode) : 'error';
    if (outcome === 'error') throw error;
    return { name: '', denied: outcome === 'denied' };
  }
}

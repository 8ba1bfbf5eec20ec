import type { SignedInCall } from '../../../sdk/contracts/channel.js';

/**
 * One key per account. A userid is unique only within its corp (root-admin has none), so the corp is part
 * of the key.
 */
export function preferencesKey(call: SignedInCall): string {
  return `preferences:${call.corp?.corpId ?? 'local'}:${call.user.userid.toLowerCase()}`;
}

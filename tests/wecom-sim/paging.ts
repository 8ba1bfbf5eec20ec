import { WecomApiError } from './errors.js';

/** get_watch_stat answers at most this many viewers (members and external users together) per page. */
export const WATCH_PAGE_SIZE = 100;
/** get_user_all_livingid: default and maximum of `limit`, per the official docs. */
export const LIST_MAX_LIMIT = 100;

/**
 * next_key of get_watch_stat: opaque, bound to the live, and never empty (WeCom keeps returning one on
 * the last page: only `ending` says the paging is over).
 */
export function encodeNextKey(livingid: string, offset: number): string {
  return Buffer.from(`ws:${livingid.slice(-8)}:${offset}`).toString('base64url');
}

export function decodeNextKey(livingid: string, nextKey: string): number {
  if (nextKey === '' || nextKey === '0') return 0;
  const match = /^ws:([^:]+):(\d+)$/.exec(Buffer.from(nextKey, 'base64url').toString());
  if (!match || match[1] !== livingid.slice(-8)) throw new WecomApiError(40058, 'invalid next_key');
  return Number(match[2]);
}

/** next_cursor of get_user_all_livingid: the seq of the last listed live (stable when lives are added). */
export function encodeCursor(seq: number): string {
  return Buffer.from(`lc:${seq}`).toString('base64url');
}

/** undefined: from the start. */
export function decodeCursor(cursor: string): number | undefined {
  if (cursor === '' || cursor === '0') return undefined;
  const match = /^lc:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new WecomApiError(40058, 'invalid cursor');
  return Number(match[1]);
}

/**
 * Resolved member names (user/get), kept for a while (docs/architecture.md "WeCom gateway": a name is the one thing that may be
 * cached, since a stale one harms nobody). Concurrent lookups of one userid share a single call; failures
 * are not cached, so a permission granted later takes effect on the next lookup.
 *
 * Keyed by the userid exactly as received: user/get is called with that spelling, and an answer for
 * `WangDeSheng` is never served for `wangdesheng` (WeCom documents userids as case-insensitive, yet the
 * answer belongs to the id that was asked; see docs/architecture.md, live store).
 */
import { LRUCache } from 'lru-cache';

export interface UserNameCacheOptions {
  /** How long a resolved name is trusted; default one hour. */
  ttlMs?: number;
  /** Names kept at most (least recently used go first); default 20,000. */
  max?: number;
}

const DEFAULT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_MAX = 20_000;

export class UserNameCache {
  private readonly cache: LRUCache<string, string>;

  constructor(fetchName: (userid: string) => Promise<string>, options: UserNameCacheOptions = {}) {
    this.cache = new LRUCache<string, string>({
      max: options.max ?? DEFAULT_MAX,
      ttl: options.ttlMs ?? DEFAULT_TTL_MS,
      fetchMethod: (userid) => fetchName(userid),
    });
  }

  /** The member's name, asked of user/get with `userid` exactly as given. */
  async nameOf(userid: string): Promise<string> {
    const name = await this.cache.fetch(userid);
    // fetchMethod answers a string or throws; undefined only if the entry was evicted mid-fetch.
    return name ?? (await this.cache.fetch(userid, { forceRefresh: true })) ?? '';
  }

  /** Forgets every name (e.g. the corp's configuration changed). */
  clear(): void {
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }
}

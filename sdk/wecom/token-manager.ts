/**
 * The access token of one corp app: fetched once, cached until shortly before `expires_in`, refreshed
 * single-flight (every concurrent caller shares the one gettoken in progress). A token reported invalid is
 * dropped only if it is still the current one, so a burst of callers failing on the same stale token
 * causes one refresh, not one each.
 */

export interface TokenGrant {
  accessToken: string;
  expiresInSeconds: number;
}

export interface TokenManagerOptions {
  /** Performs gettoken. */
  fetchToken: () => Promise<TokenGrant>;
  /** Refresh this long before expiry (default 300 s), but never earlier than half the lifetime. */
  marginSeconds?: number;
  now?: () => number;
}

interface CachedToken {
  value: string;
  refreshAtMs: number;
}

/** How many recent tokens are remembered for scrubbing them out of logs and error texts. */
const REMEMBERED_TOKENS = 4;

export class TokenManager {
  private current: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly recent: string[] = [];
  private readonly marginMs: number;
  private readonly now: () => number;
  private fetches = 0;

  constructor(private readonly options: TokenManagerOptions) {
    this.marginMs = (options.marginSeconds ?? 300) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** A valid token, from the cache or from the single gettoken in flight. */
  get(): Promise<string> {
    const cached = this.current;
    if (cached && this.now() < cached.refreshAtMs) return Promise.resolve(cached.value);
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** WeCom rejected `token`: forget it unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  /** Forget the cached token whatever it is (e.g. after the secret changed). */
  clear(): void {
    this.current = undefined;
  }

  /** The current and a few previous tokens: values that must never appear in logs or messages. */
  knownTokens(): readonly string[] {
    return this.recent;
  }

  /** How many gettoken calls have completed or failed. */
  get fetchCount(): number {
    return this.fetches;
  }

  private async refresh(): Promise<string> {
    this.fetches += 1;
    const grant = await this.options.fetchToken();
    const lifetimeMs = grant.expiresInSeconds * 1000;
    const refreshAtMs = this.now() + lifetimeMs - Math.min(this.marginMs, lifetimeMs / 2);
    this.current = { value: grant.accessToken, refreshAtMs };
    if (!this.recent.includes(grant.accessToken)) {
      this.recent.unshift(grant.accessToken);
      this.recent.length = Math.min(this.recent.length, REMEMBERED_TOKENS);
    }
    return grant.accessToken;
  }
}

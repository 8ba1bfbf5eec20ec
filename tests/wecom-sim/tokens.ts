import { randomBytes } from 'node:crypto';

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

interface TokenRecord {
  expiresAt: number;
  /** Set by the admin API: the token answers 40014 from then on. */
  invalidated: boolean;
  /** Set by the admin API: the token answers 42001 from then on, whatever the clock says. */
  forcedExpired: boolean;
}

/**
 * Access tokens of the app. Like WeCom, gettoken hands out the same token while it is valid (with the
 * remaining lifetime) and a new one once it expired or was revoked; old tokens keep answering 42001 or
 * 40014, so a client can tell both apart. Tokens are random (not seeded): they are secrets, not data.
 */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private current: string | undefined;

  issue(now: number, ttlSeconds: number): { access_token: string; expires_in: number } {
    const existing = this.current === undefined ? undefined : this.tokens.get(this.current);
    if (this.current !== undefined && existing && this.usable(existing, now)) {
      return { access_token: this.current, expires_in: existing.expiresAt - now };
    }
    const token = randomBytes(96).toString('base64url');
    this.tokens.set(token, { expiresAt: now + ttlSeconds, invalidated: false, forcedExpired: false });
    this.current = token;
    return { access_token: token, expires_in: ttlSeconds };
  }

  check(token: string | null | undefined, now: number): TokenCheck {
    if (token === null || token === undefined || token === '') return 'missing';
    const record = this.tokens.get(token);
    if (!record || record.invalidated) return 'invalid';
    if (record.forcedExpired || now >= record.expiresAt) return 'expired';
    return 'ok';
  }

  /** The next gettoken issues a new token (with the TTL configured then); issued ones stay valid. */
  forgetCurrent(): void {
    this.current = undefined;
  }

  /** Returns how many tokens were still usable. */
  expireAll(now: number): number {
    return this.revoke(now, (record) => (record.forcedExpired = true));
  }

  invalidateAll(now: number): number {
    return this.revoke(now, (record) => (record.invalidated = true));
  }

  private revoke(now: number, mark: (record: TokenRecord) => void): number {
    let affected = 0;
    for (const record of this.tokens.values()) {
      if (this.usable(record, now)) affected += 1;
      mark(record);
    }
    this.current = undefined;
    return affected;
  }

  private usable(record: TokenRecord, now: number): boolean {
    return !record.invalidated && !record.forcedExpired && now < record.expiresAt;
  }
}

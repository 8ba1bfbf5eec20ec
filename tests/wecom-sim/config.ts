/** Knobs tests turn at run time through POST /__sim/config. */
export interface RateLimits {
  /** Calls per API per rolling minute; null: unlimited. */
  perApiPerMinute: number | null;
  /** Calls per corp (all APIs) per rolling minute; null: unlimited. */
  perCorpPerMinute: number | null;
}

export interface SimConfig {
  tokenTtlSeconds: number;
  /** Added to every /cgi-bin call. */
  latencyMs: number;
  rateLimits: RateLimits;
  /**
   * get_watch_stat adds `invitor_name` (the inviter's name, as WeCom would know it) to invited viewers.
   * No documented field carries it today; R4.6's rule (1) is tested with it on. Off by default.
   */
  statInviterNames: boolean;
}

export function defaultConfig(overrides: { latencyMs?: number; tokenTtlSeconds?: number } = {}): SimConfig {
  return {
    tokenTtlSeconds: overrides.tokenTtlSeconds ?? 7200,
    latencyMs: overrides.latencyMs ?? 0,
    rateLimits: { perApiPerMinute: null, perCorpPerMinute: null },
    statInviterNames: false,
  };
}

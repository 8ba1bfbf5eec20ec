/** Who may call what. Ordered: each tier includes the rights of the ones before it. */
export const TIERS = ['public', 'user', 'wecom-admin', 'root-admin'] as const;
export type Tier = (typeof TIERS)[number];
/** Tiers a logged-in account can have (`public` is only a channel's minimum). */
export type AccountTier = Exclude<Tier, 'public'>;

export const TIER_LABELS: Record<Tier, string> = {
  public: '公开',
  user: '普通用户',
  'wecom-admin': '企微管理员',
  'root-admin': '超级管理员',
};

/** True when `have` is at least `need`. */
export function tierAtLeast(have: Tier, need: Tier): boolean {
  return TIERS.indexOf(have) >= TIERS.indexOf(need);
}

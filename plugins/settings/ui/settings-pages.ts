import type { AccountTier } from '../../../sdk/contracts/tiers.js';

export interface SettingsPage {
  /** The child route under /settings. */
  path: string;
  label: string;
  /** Who sees the page; the host enforces the same rules on its channels. */
  tiers: readonly AccountTier[];
}

const ADMINS: readonly AccountTier[] = ['root-admin', 'wecom-admin'];
const EVERYONE: readonly AccountTier[] = ['root-admin', 'wecom-admin', 'user'];

/** The inner navigation of 系统设置, in order. */
export const SETTINGS_PAGES: readonly SettingsPage[] = [
  { path: 'plugins', label: '插件管理', tiers: ADMINS },
  { path: 'reports', label: '报表', tiers: ['root-admin'] },
  { path: 'corps', label: '企业配置', tiers: ADMINS },
  { path: 'users', label: '用户与权限', tiers: ['root-admin'] },
  { path: 'trusted-ips', label: '可信 IP', tiers: EVERYONE },
  { path: 'account', label: '账户', tiers: EVERYONE },
  { path: 'audit', label: '审计日志', tiers: ['root-admin'] },
  { path: 'storage', label: '存储与日志', tiers: ['root-admin'] },
  { path: 'cleanup', label: '数据清理', tiers: ['root-admin'] },
  { path: 'updates', label: '软件更新', tiers: ['root-admin'] },
  { path: 'about', label: '关于', tiers: EVERYONE },
];

export function pagesFor(tier: AccountTier | null): SettingsPage[] {
  return tier === null ? [] : SETTINGS_PAGES.filter((page) => page.tiers.includes(tier));
}

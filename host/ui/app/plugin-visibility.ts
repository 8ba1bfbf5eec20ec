import type { PluginStatus } from '../../../sdk/contracts/events.js';
import type { AccountTier } from '../../../sdk/contracts/tiers.js';
import type { UiPluginEntry } from './plugin-entry.js';

/** What decides whether an account may see a plugin's menu entry and open its routes. */
export interface VisibilityContext {
  tier: AccountTier | null;
  hasCorp: boolean;
  plugins: readonly PluginStatus[];
}

/**
 * One rule for the menu and the route guard (so a visible entry always opens): the plugin is enabled on
 * the host, the account's tier is in its `tiers`, and a corp session exists when it needs WeCom.
 */
export function mayUsePlugin(entry: UiPluginEntry, context: VisibilityContext): boolean {
  if (context.tier === null || !entry.tiers.includes(context.tier)) return false;
  if (entry.requiresCorp && !context.hasCorp) return false;
  return context.plugins.some((plugin) => plugin.id === entry.id && plugin.state === 'enabled');
}

export function visibleEntries(
  entries: readonly UiPluginEntry[],
  context: VisibilityContext,
): UiPluginEntry[] {
  return entries.filter((entry) => mayUsePlugin(entry, context));
}

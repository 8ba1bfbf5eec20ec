import type { Routes } from '@angular/router';
import type { AccountTier } from '../../../sdk/contracts/tiers.js';

/** A built-in feature plugin as the shell sees it: its menu entry and its lazily loaded routes. */
export interface UiPluginEntry {
  id: string;
  title: string;
  /** A Material Symbols ligature name. */
  icon: string;
  order: number;
  route: string;
  tiers: readonly AccountTier[];
  requiresCorp: boolean;
  core: boolean;
  loadRoutes: () => Promise<Routes>;
}

/** An entry of the generated registry: the manifest's menu fields and the import of its ui/routes.ts. */
export function pluginEntry(
  fields: Omit<UiPluginEntry, 'loadRoutes'>,
  load: () => Promise<{ routes: Routes }>,
): UiPluginEntry {
  return { ...fields, loadRoutes: () => load().then((module) => module.routes) };
}

import { computed, inject, Injectable, InjectionToken } from '@angular/core';
import { AppSession } from '../../../sdk/ui/session.js';
import { PLUGIN_REGISTRY } from '../generated/plugin-registry.js';
import type { UiPluginEntry } from './plugin-entry.js';
import { visibleEntries, type VisibilityContext } from './plugin-visibility.js';

/** The built-in feature plugins; a token so specs can supply their own. */
export const PLUGIN_ENTRIES = new InjectionToken<readonly UiPluginEntry[]>('PLUGIN_ENTRIES', {
  providedIn: 'root',
  factory: () => PLUGIN_REGISTRY,
});

/** The menu of the signed-in account, live: it follows the session and `plugins.changed`. */
@Injectable({ providedIn: 'root' })
export class PluginMenu {
  private readonly session = inject(AppSession);
  readonly all = inject(PLUGIN_ENTRIES);
  readonly context = computed<VisibilityContext>(() => ({
    tier: this.session.tier(),
    hasCorp: this.session.corp() !== null,
    plugins: this.session.plugins(),
  }));
  readonly entries = computed(() => visibleEntries(this.all, this.context()));
}

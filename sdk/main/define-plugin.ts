import type { PluginContext } from './plugin-context.js';

/** A plugin's main side: the default export of its `main` entry. */
export interface PluginDefinition {
  activate(ctx: PluginContext): void | Promise<void>;
  /** Optional extra clean-up; what was registered through `ctx` is disposed anyway. */
  deactivate?(): void | Promise<void>;
}

/** Declares a plugin's main side (typed identity, like VS Code's `activate`). */
export function definePlugin(definition: PluginDefinition): PluginDefinition {
  return definition;
}

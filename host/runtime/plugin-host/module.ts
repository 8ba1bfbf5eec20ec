import type { HostModule } from '../core/host-module.js';
import { PluginChannels } from './plugin-channels.js';
import { PluginDbGuard } from './plugin-db-guard.js';
import { PluginLoader } from './plugin-loader.js';
import { PluginRegistry } from './plugin-registry.js';

/** Loading, guarding and tracking feature plugins (docs/architecture.md "Plugins and the UI registry"). */
export const pluginsModule: HostModule = {
  name: 'plugins',
  services: [PluginRegistry, PluginLoader, PluginDbGuard, PluginChannels],
  register: (container) => container.resolve(PluginChannels).register(),
};

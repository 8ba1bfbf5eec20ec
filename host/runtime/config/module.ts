import type { HostModule } from '../core/host-module.js';
import { ConfigChannels } from './config-channels.js';
import { StorageSettings } from './storage-settings.js';
import { UpdateFeedSettings } from './update-feed-settings.js';

/** Where the database and logs are, and where updates come from (R1.6, R1.8). */
export const configModule: HostModule = {
  name: 'config',
  services: [StorageSettings, UpdateFeedSettings, ConfigChannels],
  register: (container) => container.resolve(ConfigChannels).register(),
};

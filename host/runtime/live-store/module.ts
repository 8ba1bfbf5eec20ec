import type { HostModule } from '../core/host-module.js';
import { LiveChannels } from './live-channels.js';
import { LiveRetention } from './live-retention.js';
import { LiveStoreService } from './live-store.js';
import { OnlineSampler } from './online-sampler.js';

/** Lives, viewers, names, online samples and check-ins of every corp (docs/architecture.md "Live store"). */
export const liveStoreModule: HostModule = {
  name: 'live-store',
  services: [LiveStoreService, LiveRetention, OnlineSampler, LiveChannels],
  register: (container) => {
    container.resolve(LiveRetention).register();
    container.resolve(LiveChannels).register();
  },
};

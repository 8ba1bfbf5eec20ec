import type { HostModule } from '../core/host-module.js';
import { DataRetention } from './data-retention.js';
import { HostRetention } from './host-retention.js';

/** The clean-up of old data by date (R8.1); plugins and the live store contribute to it. */
export const retentionModule: HostModule = {
  name: 'retention',
  services: [DataRetention, HostRetention],
  register: (container) => container.resolve(HostRetention).register(),
};

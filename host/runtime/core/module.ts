import type { HostModule } from './host-module.js';
import { EventBus } from './event-bus.js';

/** The event bus every concern publishes on (docs/architecture.md "Jobs and events"). */
export const coreModule: HostModule = {
  name: 'core',
  services: [EventBus],
};

import type { HostModule } from '../core/host-module.js';
import { HostChannels } from './host-channels.js';
import { IpcRouter } from './ipc-router.js';

/** The router every call passes, and the `host.*` channels (docs/architecture.md "RPC and errors"). */
export const rpcModule: HostModule = {
  name: 'rpc',
  services: [IpcRouter, HostChannels],
  register: (container) => container.resolve(HostChannels).register(),
};

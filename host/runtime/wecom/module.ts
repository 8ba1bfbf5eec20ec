import type { HostModule } from '../core/host-module.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { IpNotAllowedNotifier } from './ip-not-allowed.js';
import { PublicIpLookup } from './public-ip-lookup.js';
import { TrustedIpChannels } from './trusted-ip-channels.js';
import { TrustedIpStore } from './trusted-ip-store.js';
import { WeComConnection } from './wecom-connection.js';
import { WeComGateways } from './wecom-gateways.js';

/** One WeCom gateway per corp, the connection state and the trusted IPs (docs/architecture.md "WeCom gateway"). */
export const wecomModule: HostModule = {
  name: 'wecom',
  services: [
    TrustedIpStore,
    IpNotAllowedNotifier,
    WeComConnection,
    WeComGateways,
    PublicIpLookup,
    TrustedIpChannels,
  ],
  register: (container) => {
    // Installs the completion of every WECOM_IP_NOT_ALLOWED answer (once per runtime) with the channels.
    container.resolve(TrustedIpChannels).register();
    container
      .resolve(WeComConnection)
      .register(container.resolve(IpcRouter), (corpId) => container.resolve(WeComGateways).check(corpId));
  },
};

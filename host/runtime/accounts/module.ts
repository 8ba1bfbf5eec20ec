import type { HostModule } from '../core/host-module.js';
import { AccountChannels } from './account-channels.js';
import { AuthService } from './auth-service.js';
import { CorpLogin } from './corp-login.js';
import { CorpStore } from './corp-store.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionService } from './session-service.js';

/** Sessions, logins, corps and local accounts (R2). The secret vault is an instance (core/tokens.ts). */
export const accountsModule: HostModule = {
  name: 'accounts',
  services: [SessionService, LoginThrottle, AuthService, CorpStore, CorpLogin, AccountChannels],
  register: (container) => container.resolve(AccountChannels).register(),
};

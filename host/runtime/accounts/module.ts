import type { HostModule } from '../core/host-module.js';
import { AuthChannels } from './auth-channels.js';
import { AuthService } from './auth-service.js';
import { CorpChannels } from './corp-channels.js';
import { CorpLogin } from './corp-login.js';
import { CorpStore } from './corp-store.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionService } from './session-service.js';
import { UserChannels } from './user-channels.js';
import { ReadConnection } from '../storage/read-connection.js';

/**
 * Sessions, logins, corps and local accounts (R2). The secret vault is an instance (core/tokens.ts); the
 * read connection serves the session reads of every call.
 */
export const accountsModule: HostModule = {
  name: 'accounts',
  services: [
    ReadConnection,
    SessionService,
    LoginThrottle,
    AuthService,
    CorpStore,
    CorpLogin,
    AuthChannels,
    CorpChannels,
    UserChannels,
  ],
  register: (container) => {
    container.resolve(AuthChannels).register();
    container.resolve(CorpChannels).register();
    container.resolve(UserChannels).register();
  },
};

import { inject, injectable } from 'tsyringe';
import { HOST_ABOUT, HOST_STATUS } from '../../../sdk/contracts/host-channels.js';
import { tierAtLeast } from '../../../sdk/contracts/tiers.js';
import { AuthService } from '../accounts/auth-service.js';
import { appVersion } from '../core/app-info.js';
import type { HostSettings } from '../core/runtime-options.js';
import { HOST_SETTINGS } from '../core/tokens.js';
import { PluginRegistry } from '../plugin-host/plugin-registry.js';
import { IpcRouter } from './ipc-router.js';

/** The `host.*` channels (declared in sdk/contracts/host-channels.ts): what the UI asks before anything else. */
@injectable()
export class HostChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly auth: AuthService,
    private readonly registry: PluginRegistry,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
  ) {}

  register(): void {
    this.router.handle(HOST_STATUS, async () => ({
      version: appVersion(),
      firstRun: await this.auth.isFirstRun(),
      plugins: this.registry.statuses(),
      timeZone: this.settings.timeZone,
    }));
    this.router.handle(HOST_ABOUT, (_input, call) => {
      const about = { version: appVersion(), node: process.versions.node, licence: 'Apache-2.0' };
      // Where things are on disk is for the admins who look after the installation.
      if (!tierAtLeast(call.user.tier, 'wecom-admin')) return about;
      return {
        ...about,
        dataDir: this.settings.dataDir,
        databaseFile: this.settings.databaseFile,
        logDir: this.settings.logDir,
        timeZone: this.settings.timeZone,
      };
    });
  }
}

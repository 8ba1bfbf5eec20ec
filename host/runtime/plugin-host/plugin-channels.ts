import { injectable } from 'tsyringe';
import { PLUGINS_LIST, PLUGINS_SET_ENABLED } from '../../../sdk/contracts/plugins-channels.js';
import { AuditLog } from '../audit/audit-log.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { PluginLoader } from './plugin-loader.js';
import { PluginRegistry } from './plugin-registry.js';

/** The `plugins.*` channels (declared in sdk/contracts/plugins-channels.ts): 插件管理. */
@injectable()
export class PluginChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly registry: PluginRegistry,
    private readonly loader: PluginLoader,
    private readonly audit: AuditLog,
  ) {}

  register(): void {
    this.router.handle(PLUGINS_LIST, () =>
      this.registry.list().map((record) => ({
        ...(record.manifest ?? {}),
        id: record.id,
        state: record.state,
        reason: record.reason,
        degraded: record.degraded,
      })),
    );
    this.router.handle(PLUGINS_SET_ENABLED, async ({ id, enabled }, call) => {
      const actor = call.user;
      try {
        await this.loader.setEnabled(id, enabled, actor.userid);
        await this.audit.record({
          actor,
          action: 'plugins.setEnabled',
          target: id,
          ok: true,
          detail: { enabled },
        });
      } catch (error) {
        await this.audit.record({
          actor,
          action: 'plugins.setEnabled',
          target: id,
          ok: false,
          detail: { enabled },
        });
        throw error;
      }
      return { plugins: this.registry.statuses() };
    });
  }
}

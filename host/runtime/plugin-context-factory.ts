import type { Knex } from 'knex';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import { inject, injectable, type DependencyContainer } from 'tsyringe';
import type { z } from 'zod';
import type { PluginManifest } from '../../sdk/contracts/plugin-manifest.js';
import type {
  ChannelHandler,
  ChannelOptions,
  PluginContext,
  PluginEvents,
  PluginFiles,
  PluginAudit,
  PluginRetention,
  PluginScheduler,
  PluginSettings,
  PluginWeCom,
} from '../../sdk/main/plugin-context.js';
import type { PluginWorkers } from '../../sdk/main/workers.js';
import { PLUGIN_CONTEXT } from '../../sdk/main/tokens.js';
import { AppError } from '../../sdk/contracts/errors.js';
import { AuditLog } from './audit-log.js';
import { DataRetention } from './data-retention.js';
import { EventBus } from './event-bus.js';
import { FileStore } from './file-store.js';
import { IpcRouter } from './ipc-router.js';
import { JobService } from './job-service.js';
import { LiveStoreService } from './live-store/live-store.js';
import type { Clock, HostSettings } from './runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX, LOGGER } from './tokens.js';
import { WeComGateways } from './wecom-gateways.js';
import { WorkerPool } from './worker-pool.js';

/** A plugin's context plus the disposers of everything registered through it. */
export interface OwnedContext {
  context: PluginContext;
  dispose(): Promise<void>;
}

/** Builds the PluginContext of one plugin; everything it registers is disposed with it (VS Code style). */
@injectable()
export class PluginContextFactory {
  constructor(
    private readonly router: IpcRouter,
    private readonly jobs: JobService,
    private readonly bus: EventBus,
    private readonly fileStore: FileStore,
    private readonly gateways: WeComGateways,
    private readonly retention: DataRetention,
    private readonly auditLog: AuditLog,
    private readonly liveStore: LiveStoreService,
    private readonly workerPool: WorkerPool,
    @inject(KNEX) private readonly db: Knex,
    @inject(LOGGER) private readonly log: Logger,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly hostSettings: HostSettings,
  ) {}

  /** `dir`: the plugin's folder; worker modules must lie inside it. */
  create(manifest: PluginManifest, container: DependencyContainer, dir?: string): OwnedContext {
    const id = manifest.id;
    const disposers: Array<() => void | Promise<void>> = [];
    const own = (dispose: () => void | Promise<void>): void => {
      disposers.push(dispose);
    };
    const namespaced = (name: string): string => (name.startsWith(`${id}.`) ? name : `${id}.${name}`);

    const scheduler: PluginScheduler = {
      registerJob: (kind, handler) => {
        own(this.jobs.registerHandler(namespaced(kind), handler as never, id));
      },
      start: (kind, input, call) => this.jobs.start(namespaced(kind), input, call, id),
      schedule: (kind, input, options) => this.jobs.schedule(namespaced(kind), input, options, id),
    };
    const subscriptions: Subscription[] = [];
    own(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
    const events: PluginEvents = {
      emit: (type, payload, audience) => this.bus.publish(type, payload, audience),
      on: (type, listener) => {
        subscriptions.push(this.bus.on(type).subscribe(listener));
      },
    };
    const settingsKey = (key: string): string => `plugin:${id}:${key}`;
    const settings: PluginSettings = {
      get: async <T>(key: string) => {
        const row = (await this.db('config')
          .where({ key: settingsKey(key) })
          .first('value')) as { value: string } | undefined;
        return row === undefined ? undefined : (JSON.parse(row.value) as T);
      },
      set: async (key, value) => {
        await this.db('config')
          .insert({ key: settingsKey(key), value: JSON.stringify(value), updated_at: this.clock.now() })
          .onConflict('key')
          .merge();
      },
    };
    const files: PluginFiles = {
      get: (fileId, call) => this.fileStore.get(fileId, call),
      createExport: (fileName, owner) => this.fileStore.createExport(fileName, owner),
      finalize: (fileId) => this.fileStore.finalize(fileId),
    };
    const wecom: PluginWeCom = {
      forCorp: (corpId) => this.gateways.forCorp(corpId),
      forCall: (call) => {
        if (call.corp === null) {
          return Promise.reject(new AppError('FORBIDDEN', '此操作需要先登录企业。', { requiresCorp: true }));
        }
        return this.gateways.forCorp(call.corp.corpId);
      },
    };
    const retention: PluginRetention = {
      register: (contributor) => {
        own(this.retention.register({ ...contributor, id: namespaced(contributor.id) }));
      },
    };
    const audit: PluginAudit = {
      record: (by, entry) => {
        const actor = by === null ? null : 'user' in by ? by.user : by;
        return this.auditLog.record({
          actor: actor === null ? null : { userid: actor.userid, tier: actor.tier },
          action: namespaced(entry.action),
          ok: entry.ok ?? true,
          ...(entry.target === undefined ? {} : { target: entry.target }),
          ...(entry.detail === undefined ? {} : { detail: entry.detail }),
        });
      },
    };
    const workers: PluginWorkers = {
      run: (module, input, options) => {
        const path = module.protocol === 'file:' ? fileURLToPath(module) : null;
        if (path === null || (dir !== undefined && !path.startsWith(resolve(dir) + sep))) {
          return Promise.reject(new Error(`worker module outside plugin ${id}: ${module.href}`));
        }
        return this.workerPool.run(module, input, options);
      },
    };
    const context: PluginContext = {
      id,
      manifest,
      container,
      db: this.db,
      log: this.log.child({ plugin: id }),
      scheduler,
      events,
      settings,
      files,
      wecom,
      retention,
      audit,
      timeZone: this.hostSettings.timeZone,
      liveStore: this.liveStore,
      workers,
      handle: <S extends z.ZodType, O>(
        action: string,
        options: ChannelOptions<S>,
        handler: ChannelHandler<z.infer<S>, O>,
      ) => {
        own(
          this.router.register({
            channel: namespaced(action),
            options,
            handler: handler as ChannelHandler<unknown, unknown>,
            pluginId: id,
          }),
        );
      },
      onDispose: own,
    };
    container.registerInstance(PLUGIN_CONTEXT, context);
    return {
      context,
      dispose: async () => {
        // Reverse order, like a stack of resources; one failing disposer does not keep the others.
        for (const dispose of disposers.reverse()) {
          try {
            await dispose();
          } catch (error) {
            this.log.warn({ err: error, plugin: id }, 'plugin disposer failed');
          }
        }
        disposers.length = 0;
      },
    };
  }
}

import type { Knex } from 'knex';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Subscription } from 'rxjs';
import { inject, injectable, type DependencyContainer } from 'tsyringe';
import type { PluginManifest } from '../../../sdk/contracts/plugin-manifest.js';
import type {
  PluginContext,
  PluginEvents,
  PluginFiles,
  PluginAudit,
  PluginRetention,
  PluginScheduler,
  PluginSettings,
  PluginWeCom,
} from '../../../sdk/main/plugin-context.js';
import type { PluginWorkers } from '../../../sdk/main/workers.js';
import { PLUGIN_CONTEXT } from '../../../sdk/main/tokens.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { AnyChannel, HandlerOf } from '../../../sdk/contracts/channel.js';
import { AuditLog } from '../audit/audit-log.js';
import { isPluginEventType } from '../rpc/client-events.js';
import { DataRetention } from '../retention/data-retention.js';
import { EventBus } from '../core/event-bus.js';
import { FileStore } from '../jobs/file-store.js';
import { channelRegistration, IpcRouter } from '../rpc/ipc-router.js';
import { JobService } from '../jobs/job-service.js';
import { LiveStoreService } from '../live-store/live-store.js';
import { PluginDbGuard } from './plugin-db-guard.js';
import { PluginRegistry } from './plugin-registry.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX, LOGGER } from '../core/tokens.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
import { WeComGateways } from '../wecom/wecom-gateways.js';
import { WorkerPool } from '../workers/worker-pool.js';

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
    private readonly dbGuard: PluginDbGuard,
    private readonly registry: PluginRegistry,
    private readonly workerPool: WorkerPool,
    @inject(KNEX) private readonly db: Knex,
    @inject(LOGGER) private readonly log: Logger,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly hostSettings: HostSettings,
  ) {}

  /**
   * A plugin's event name: `name` or `<id>.name` becomes `<id>.name`. Host events (`plugins.changed`,
   * `job.*`, `wecom.*` …) and other plugins' names are refused: clients trust them to come from their source.
   */
  private eventName(id: string, type: string): string {
    const name = type.startsWith(`${id}.`) ? type : `${id}.${type}`;
    if (type.includes('.') && !type.startsWith(`${id}.`)) {
      throw new AppError(
        'FORBIDDEN',
        `插件 ${id} 不能发布事件 ${type}：插件只能发布自己的事件（${id}.*），主程序的事件只由主程序发布。`,
        { pluginId: id, type },
      );
    }
    if (!isPluginEventType(name)) {
      throw new AppError('INVALID_INPUT', `插件事件名无效：${type}（只能包含字母、数字、.、_ 和 -）。`, {
        pluginId: id,
        type,
      });
    }
    return name;
  }

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
      get: async (jobId, call) => {
        const job = await this.jobs.get(jobId, call);
        // Another plugin's job is not this plugin's to read, as if it did not exist.
        if (!job.kind.startsWith(`${id}.`)) {
          throw new AppError('NOT_FOUND', '任务不存在或无权查看。', { jobId });
        }
        return job;
      },
    };
    const subscriptions: Subscription[] = [];
    own(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
    const log = this.log.child({ plugin: id });
    const db = this.dbGuard.forPlugin(id);
    const events: PluginEvents = {
      emit: (type, payload, audience) => this.bus.publish(this.eventName(id, type), payload, audience),
      on: (type, listener) => {
        // Each listener runs isolated: a throw (or a rejected promise) is logged and marks the plugin
        // degraded; the event still reaches every other listener and the host runs on.
        const failed = (error: unknown): void => {
          log.error({ err: error, event: type }, 'plugin event listener failed');
          this.registry.degrade(id, `处理事件 ${type} 时出错：${messageOf(error)}`);
        };
        const isolated = (payload: unknown): void => {
          try {
            const result = listener(payload);
            if (result instanceof Promise) result.catch(failed);
          } catch (error) {
            failed(error);
          }
        };
        subscriptions.push(this.bus.on(type).subscribe(isolated));
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
      createExport: (fileName, owner, corpId) => this.fileStore.createExport(fileName, owner, corpId),
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
        // The clean-up's transaction is the host's: the plugin's statements on it are held to its tables.
        own(
          this.retention.register({
            ...contributor,
            id: namespaced(contributor.id),
            count: (before, trx) => this.dbGuard.within(id, trx, () => contributor.count(before, trx)),
            purge: (before, trx) => this.dbGuard.within(id, trx, () => contributor.purge(before, trx)),
          }),
        );
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
    const ownModule = (module: URL): boolean => {
      const path = module.protocol === 'file:' ? fileURLToPath(module) : null;
      return path !== null && (dir === undefined || path.startsWith(resolve(dir) + sep));
    };
    const workers: PluginWorkers = {
      run: (module, input, options) => {
        if (!ownModule(module)) {
          return Promise.reject(new Error(`worker module outside plugin ${id}: ${module.href}`));
        }
        return this.workerPool.run(module, input, options);
      },
      prepare: (module) => {
        if (!ownModule(module)) throw new Error(`worker module outside plugin ${id}: ${module.href}`);
        this.workerPool.prepare(module);
      },
    };
    const context: PluginContext = {
      id,
      manifest,
      container,
      db: db.knex,
      log,
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
      handle: <C extends AnyChannel>(channel: C, handler: HandlerOf<C>) => {
        if (!channel.name.startsWith(`${id}.`)) {
          throw new Error(`plugin ${id} cannot handle another namespace's channel: ${channel.name}`);
        }
        own(
          this.router.register({
            ...channelRegistration(channel, handler as HandlerOf<AnyChannel>),
            pluginId: id,
          }),
        );
      },
      onDispose: own,
    };
    container.registerInstance(PLUGIN_CONTEXT, context);
    own(db.revoke);
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

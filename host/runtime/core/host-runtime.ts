import 'reflect-metadata';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { WeComGateways } from '../wecom/wecom-gateways.js';
import { loadBootstrapConfig, type BootstrapConfig } from '../config/bootstrap-config.js';
import { ConfigChannels } from '../config/config-channels.js';
import { prepareDatabase } from '../config/database-move.js';
import { openLog } from './log-location.js';
import { STARTUP_REPORT, type StartupReport } from '../config/startup-report.js';
import { DataDirLock } from '../storage/data-dir-lock.js';
import { openDatabase } from '../storage/database.js';
import { makeDatabaseFilesPrivate, makeTreePrivate } from '../storage/private-files.js';
import { HOST_MODULES } from './host-modules.js';
import { EventBus } from './event-bus.js';
import { FileStore } from '../jobs/file-store.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { JobService } from '../jobs/job-service.js';
import { OnlineSampler } from '../live-store/online-sampler.js';
import { runMigrations } from '../storage/migration-runner.js';
import { HOST_MIGRATIONS } from '../storage/migrations/index.js';
import { PluginDbGuard } from '../plugin-host/plugin-db-guard.js';
import { PluginLoader } from '../plugin-host/plugin-loader.js';
import { installProcessGuard, pluginOfError } from './process-guard.js';
import { PluginRegistry } from '../plugin-host/plugin-registry.js';
import { ReportService } from '../reports/report-service.js';
import { systemClock, type Clock, type HostSettings, type RuntimeOptions } from './runtime-options.js';
import { SecretVault } from '../accounts/secret-vault.js';
import { SessionService } from '../accounts/session-service.js';
import { WorkerPool } from '../workers/worker-pool.js';
import { ReadConnection } from '../storage/read-connection.js';
import {
  BOOTSTRAP_CONFIG,
  CLOCK,
  HOST_SETTINGS,
  KNEX,
  LOGGER,
  RUNTIME_CONTAINER,
  RUNTIME_OPTIONS,
  SECRET_VAULT,
} from './tokens.js';

/**
 * The host: one per data dir and process. `start` takes the data-folder lock, reads config.json,
 * opens and migrates the database, registers the host channels, loads the plugins and starts the job
 * runner; `stop` undoes it in reverse. Electron and browser mode are thin transports over it.
 */
export class HostRuntime {
  private stopping: Promise<void> | null = null;
  private unguard: (() => void) | null = null;

  private constructor(
    readonly container: DependencyContainer,
    readonly config: BootstrapConfig,
    readonly settings: HostSettings,
    readonly log: Logger,
    private readonly closeLog: () => Promise<void>,
    private readonly lock: DataDirLock,
    readonly db: Knex,
  ) {}

  static async start(options: RuntimeOptions, clock: Clock = systemClock): Promise<HostRuntime> {
    const lock = DataDirLock.acquire(options.dataDir);
    let closeLog: (() => Promise<void>) | null = null;
    let db: Knex | null = null;
    try {
      const loaded = loadBootstrapConfig(options.dataDir);
      const log = await openLog(options.dataDir, loaded);
      const logging = log.logging;
      closeLog = logging.close;
      // A database move asked for in the settings happens here, before anything opens the file.
      const prepared = prepareDatabase(options.dataDir, loaded, clock.now());
      const config = prepared.config;
      if (prepared.move !== null) {
        logging.logger[prepared.move.ok ? 'info' : 'error']({ move: prepared.move }, 'database move');
      }
      // Whatever an older version, a copy or a restore left: folders 0700, files 0600 (POSIX).
      const modeProblems = [...makeTreePrivate(options.dataDir), ...makeDatabaseFilesPrivate(prepared.file)];
      if (modeProblems.length > 0) {
        logging.logger.warn({ problems: modeProblems }, 'data dir: some modes could not be made private');
      }
      const report: StartupReport = {
        databaseMove: prepared.move,
        logDirConfigured: log.configured,
        logProblem: log.problem,
      };
      const settings: HostSettings = {
        dataDir: options.dataDir,
        databaseFile: prepared.file,
        logDir: log.dir,
        sessionIdleMs: options.sessionIdleMs ?? config.sessionIdleMinutes * 60_000,
        uploadMaxBytes: config.uploadMaxBytes,
        timeZone: config.timeZone,
        schedulerPollMs: options.schedulerPollMs ?? 1000,
        jobConcurrency: 2,
        jobRetryBaseMs: options.jobRetryBaseMs ?? 30_000,
        onlineSampleIntervalMs: options.onlineSampleIntervalMs ?? config.onlineSampleSeconds * 1000,
        onlineSampleTimer: options.onlineSampleTimer ?? true,
      };
      db = openDatabase({ filename: settings.databaseFile, log: logging.logger });
      await runMigrations(db, 'host', HOST_MIGRATIONS);

      const container = rootContainer.createChildContainer();
      container.registerInstance(RUNTIME_OPTIONS, options);
      container.registerInstance(HOST_SETTINGS, settings);
      container.registerInstance(BOOTSTRAP_CONFIG, config);
      container.registerInstance(STARTUP_REPORT, report);
      container.registerInstance(LOGGER, logging.logger);
      container.registerInstance(CLOCK, clock);
      container.registerInstance(KNEX, db);
      container.registerInstance(RUNTIME_CONTAINER, container);
      container.registerInstance(
        SECRET_VAULT,
        SecretVault.open({ dataDir: options.dataDir, keyWrapper: options.keyWrapper }),
      );
      for (const module of HOST_MODULES) {
        for (const service of module.services) container.registerSingleton(service);
      }
      const runtime = new HostRuntime(container, config, settings, logging.logger, logging.close, lock, db);
      if (options.guardProcess === true) runtime.guardProcess();
      for (const module of HOST_MODULES) module.register?.(container);
      await container.resolve(ConfigChannels).recordStartup();
      // Nothing is uploading yet: what uploads/ holds without a record was cut off by a crash.
      const swept = await container.resolve(FileStore).sweepPartialUploads();
      if (swept > 0) logging.logger.info({ swept }, 'partial uploads removed');
      await container.resolve(PluginLoader).loadAll();
      // Report plugins: a broken report folder is listed as failed, never a failed start.
      await container
        .resolve(ReportService)
        .scan()
        .catch((error: unknown) => logging.logger.error({ err: error }, 'report scan failed'));
      await container.resolve(JobService).startRunner();
      container.resolve(OnlineSampler).start();
      logging.logger.info(
        { dataDir: options.dataDir, plugins: runtime.plugins.statuses() },
        'runtime started',
      );
      return runtime;
    } catch (error) {
      await db?.destroy();
      await closeLog?.();
      lock.release();
      throw error;
    }
  }

  get router(): IpcRouter {
    return this.container.resolve(IpcRouter);
  }
  get sessions(): SessionService {
    return this.container.resolve(SessionService);
  }
  get events(): EventBus {
    return this.container.resolve(EventBus);
  }
  get files(): FileStore {
    return this.container.resolve(FileStore);
  }
  get jobs(): JobService {
    return this.container.resolve(JobService);
  }
  get plugins(): PluginRegistry {
    return this.container.resolve(PluginRegistry);
  }
  get onlineSampler(): OnlineSampler {
    return this.container.resolve(OnlineSampler);
  }

  /** Process-level handlers: a plugin's escaped error degrades it, the host's stops and exits with 1. */
  private guardProcess(): void {
    const registry = this.plugins;
    this.unguard = installProcessGuard({
      log: this.log,
      attribute: (error) => pluginOfError(error, registry.list()),
      onPluginFault: (pluginId, error) =>
        registry.degrade(pluginId, `未捕获的错误：${error instanceof Error ? error.message : String(error)}`),
      onHostFault: () => {
        process.exitCode = 1;
        // A stop that hangs must not keep a broken process alive.
        setTimeout(() => process.exit(1), 10_000).unref();
        void this.stop()
          .catch(() => undefined)
          .finally(() => process.exit(1));
      },
    });
  }

  /** Stops jobs (persisting unfinished ones), plugins, the database and the log; idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      try {
        await this.container.resolve(OnlineSampler).stop();
        await this.jobs.stopRunner();
        await this.container.resolve(WorkerPool).stop();
        await this.container.resolve(PluginLoader).stopAll();
        await this.container.resolve(WeComGateways).closeAll();
        this.events.complete();
        this.log.info('runtime stopped');
      } finally {
        this.unguard?.();
        this.container.resolve(PluginDbGuard).close();
        await this.container.resolve(ReadConnection).close();
        await this.db.destroy();
        await this.closeLog();
        this.lock.release();
        this.container.dispose();
      }
    })();
    return this.stopping;
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { container as tsyringeRoot, inject, injectable } from 'tsyringe';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { PluginManifest } from '../../../sdk/contracts/plugin-manifest.js';
import type { PluginDefinition } from '../../../sdk/main/define-plugin.js';
import { EventBus } from '../core/event-bus.js';
import { loadMigrationFolder, runMigrations } from '../storage/migration-runner.js';
import { PluginContextFactory, type OwnedContext } from './plugin-context-factory.js';
import { parseManifest } from './plugin-manifest-schema.js';
import { assertPluginTablePrefixFree } from './plugin-tables.js';
import { PluginRegistry, type PluginRecord } from './plugin-registry.js';
import { ENGINE_VERSION, type Clock, type RuntimeOptions } from '../core/runtime-options.js';
import { CLOCK, KNEX, LOGGER, RUNTIME_OPTIONS } from '../core/tokens.js';

interface Active {
  owned: OwnedContext;
  definition: PluginDefinition;
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Discovers `<dir>/<id>/plugin.json`, validates it, then per enabled plugin, in `order`: runs its
 * migrations, imports its main, builds its child container and context and calls `activate`. A plugin
 * that fails any step is marked failed with its reason; the host runs on.
 */
@injectable()
export class PluginLoader {
  private readonly active = new Map<string, Active>();
  // One enable/disable at a time: the transitions touch the same registry, router and database.
  private transition: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly registry: PluginRegistry,
    private readonly contexts: PluginContextFactory,
    private readonly bus: EventBus,
    @inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  async loadAll(): Promise<void> {
    this.discover();
    const enabled = await this.enabledStates();
    for (const record of this.registry.list()) {
      if (record.manifest === null) continue;
      const wanted = enabled.get(record.id) ?? this.defaultEnabled(record.manifest);
      if (wanted || record.manifest.core) await this.activate(record);
      else this.registry.set({ ...record, state: 'disabled' });
    }
  }

  /** root-admin's installation-wide switch; takes effect at once and is remembered. */
  setEnabled(id: string, enabled: boolean, actor: string): Promise<void> {
    const run = this.transition.then(() => this.applyEnabled(id, enabled, actor));
    this.transition = run.catch(() => undefined);
    return run;
  }

  async stopAll(): Promise<void> {
    await this.transition;
    for (const id of [...this.active.keys()].reverse()) await this.deactivate(id);
  }

  private async applyEnabled(id: string, enabled: boolean, actor: string): Promise<void> {
    const record = this.registry.get(id);
    if (record === undefined || record.manifest === null) {
      throw new AppError('NOT_FOUND', `插件不存在：${id}`, { id });
    }
    if (record.manifest.core && !enabled) {
      throw new AppError('CONFLICT', `「${record.manifest.title}」是核心插件，不能停用。`, { id });
    }
    await this.db('plugin_states')
      .insert({ plugin_id: id, enabled, updated_at: this.clock.now(), updated_by: actor })
      .onConflict('plugin_id')
      .merge();
    if (enabled && record.state !== 'enabled') await this.activate(record);
    if (!enabled && record.state !== 'disabled') {
      await this.deactivate(id);
      this.registry.set({ id, dir: record.dir, manifest: record.manifest, state: 'disabled' });
    }
    this.bus.publish('plugins.changed', { plugins: this.registry.statuses() }, { kind: 'all' });
  }

  private discover(): void {
    for (const root of this.options.pluginDirs) {
      let names: string[];
      try {
        names = readdirSync(root, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name);
      } catch {
        this.log.warn({ root }, 'plugin folder missing');
        continue;
      }
      for (const name of names.sort()) {
        const dir = join(root, name);
        const manifestPath = join(dir, 'plugin.json');
        if (!existsSync(manifestPath)) continue;
        this.registry.set(this.readManifest(name, dir, manifestPath));
      }
    }
  }

  private readManifest(folderName: string, dir: string, manifestPath: string): PluginRecord {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch (error) {
      return {
        id: folderName,
        dir,
        manifest: null,
        state: 'failed',
        reason: `plugin.json 不是有效的 JSON：${describe(error)}`,
      };
    }
    const parsed = parseManifest(raw, ENGINE_VERSION);
    const declaredId =
      typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : folderName;
    if (!parsed.ok) return { id: declaredId, dir, manifest: null, state: 'failed', reason: parsed.reason };
    if (parsed.manifest.kind === 'report') {
      // Report plugins are report.json folders of <data-dir>/reports (docs/report-plugins.md), never code.
      return {
        id: parsed.manifest.id,
        dir,
        manifest: null,
        state: 'failed',
        reason:
          '报表插件不再以 plugin.json 安装：请把报表（report.json）放进数据目录的 reports 文件夹，见 docs/report-plugins.md。',
      };
    }
    const existing = this.registry.get(parsed.manifest.id);
    if (existing !== undefined && existing.dir !== dir) {
      return {
        id: `${parsed.manifest.id}@${folderName}`,
        dir,
        manifest: null,
        state: 'failed',
        reason: `插件 id 重复：${parsed.manifest.id}`,
      };
    }
    return { id: parsed.manifest.id, dir, manifest: parsed.manifest, state: 'disabled' };
  }

  private defaultEnabled(manifest: PluginManifest): boolean {
    // Report plugins are third-party content: they start disabled until root-admin enables them.
    return manifest.kind === 'feature';
  }

  private async enabledStates(): Promise<Map<string, boolean>> {
    const rows = (await this.db('plugin_states').select('plugin_id', 'enabled')) as Array<{
      plugin_id: string;
      enabled: number | boolean;
    }>;
    return new Map(rows.map((row) => [row.plugin_id, Boolean(row.enabled)]));
  }

  private async activate(record: PluginRecord): Promise<void> {
    const manifest = record.manifest;
    if (manifest === null) return;
    let owned: OwnedContext | null = null;
    let step = '检查';
    try {
      assertPluginTablePrefixFree(manifest.id);
      step = '迁移数据库';
      const mainPath = manifest.main === undefined ? null : join(record.dir, manifest.main);
      if (mainPath !== null) {
        const migrations = await loadMigrationFolder(join(dirname(mainPath), 'migrations'));
        await runMigrations(this.db, { pluginId: manifest.id }, migrations);
        step = '加载代码';
        const module = (await import(pathToFileURL(mainPath).href)) as { default?: PluginDefinition };
        const definition = module.default;
        if (definition === undefined || typeof definition.activate !== 'function') {
          throw new Error('main 没有默认导出 definePlugin({ activate })');
        }
        step = '激活';
        // A child of tsyringe's empty root, not of the runtime's container: nothing of the host resolves.
        owned = this.contexts.create(manifest, tsyringeRoot.createChildContainer(), record.dir);
        await definition.activate(owned.context);
        this.active.set(manifest.id, { owned, definition });
      }
      this.registry.set({ id: manifest.id, dir: record.dir, manifest, state: 'enabled' });
      this.log.info({ plugin: manifest.id, version: manifest.version }, 'plugin enabled');
    } catch (error) {
      await owned?.dispose();
      const reason = `${step}失败：${describe(error)}`;
      this.registry.set({ id: manifest.id, dir: record.dir, manifest, state: 'failed', reason });
      this.log.error({ err: error, plugin: manifest.id }, 'plugin failed');
    }
  }

  private async deactivate(id: string): Promise<void> {
    const active = this.active.get(id);
    if (active === undefined) return;
    this.active.delete(id);
    try {
      await active.definition.deactivate?.();
    } catch (error) {
      this.log.warn({ err: error, plugin: id }, 'plugin deactivate failed');
    }
    await active.owned.dispose();
    this.log.info({ plugin: id }, 'plugin disabled');
  }
}

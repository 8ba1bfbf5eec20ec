import { injectable } from 'tsyringe';
import { EventBus } from '../core/event-bus.js';
import type { PluginStatus } from '../../../sdk/contracts/events.js';
import type { PluginManifest } from '../../../sdk/contracts/plugin-manifest.js';

export interface PluginRecord {
  id: string;
  /** Folder holding plugin.json. */
  dir: string;
  manifest: PluginManifest | null;
  state: PluginStatus['state'];
  reason?: string;
  /** Set while an enabled plugin misbehaves at run time (`PluginStatus.degraded`). */
  degraded?: string;
}

/** What is known about every discovered plugin; the loader writes it, the router and status read it. */
@injectable()
export class PluginRegistry {
  private readonly records = new Map<string, PluginRecord>();

  constructor(private readonly bus: EventBus) {}

  /** Replaces what is known of a plugin (a new state clears `degraded`: a re-activation starts clean). */
  set(record: PluginRecord): void {
    this.records.set(record.id, record);
  }

  /**
   * Marks an enabled plugin degraded with what went wrong (the latest reason wins); 插件管理 and
   * `host.status` show it and clients hear `plugins.changed`. The plugin keeps running.
   */
  degrade(id: string, reason: string): void {
    const record = this.records.get(id);
    if (record === undefined || record.state !== 'enabled' || record.degraded === reason) return;
    this.records.set(id, { ...record, degraded: reason.slice(0, 300) });
    this.bus.publish('plugins.changed', { plugins: this.statuses() }, { kind: 'all' });
  }

  get(id: string): PluginRecord | undefined {
    return this.records.get(id);
  }

  list(): PluginRecord[] {
    return [...this.records.values()].sort(
      (a, b) => (a.manifest?.order ?? 1e9) - (b.manifest?.order ?? 1e9) || a.id.localeCompare(b.id),
    );
  }

  statuses(): PluginStatus[] {
    return this.list().map((record) => {
      const status: PluginStatus = {
        id: record.id,
        title: record.manifest?.title ?? record.id,
        version: record.manifest?.version ?? '',
        state: record.state,
      };
      if (record.reason !== undefined) status.reason = record.reason;
      if (record.degraded !== undefined) status.degraded = record.degraded;
      return status;
    });
  }
}

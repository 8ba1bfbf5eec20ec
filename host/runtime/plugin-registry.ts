import { injectable } from 'tsyringe';
import type { PluginStatus } from '../../sdk/contracts/events.js';
import type { PluginManifest } from '../../sdk/contracts/plugin-manifest.js';

export interface PluginRecord {
  id: string;
  /** Folder holding plugin.json. */
  dir: string;
  manifest: PluginManifest | null;
  state: PluginStatus['state'];
  reason?: string;
}

/** What is known about every discovered plugin; the loader writes it, the router and status read it. */
@injectable()
export class PluginRegistry {
  private readonly records = new Map<string, PluginRecord>();

  set(record: PluginRecord): void {
    this.records.set(record.id, record);
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
      return status;
    });
  }
}

// The `config.*` channels (declared in sdk/contracts/config-channels.ts): where the database and the logs live, the update feed, and
// the clean-up of old data (R8.1, R1.6, R1.8). All of them, reads included, are root-admin's:
// root-admin configures the installation, and the folders on disk and the feed the program updates
// itself from are details of the machine (a WeCom admin sees the paths read-only on 关于).
import { inject, injectable } from 'tsyringe';
import type { SignedInCall } from '../../../sdk/contracts/channel.js';
import {
  CONFIG_CANCEL_DATABASE_CHANGE,
  CONFIG_CHECK_DATABASE_CHANGE,
  CONFIG_CLEANUP,
  CONFIG_CLEANUP_PREVIEW,
  CONFIG_GET,
  CONFIG_MOVE_DATABASE,
  CONFIG_SET_LOG_DIR,
  CONFIG_SET_UPDATE_FEED,
  CONFIG_USE_DATABASE,
} from '../../../sdk/contracts/config-channels.js';
import type { CleanupPreview, ConfigView } from '../../../sdk/contracts/config.js';
import { AuditLog } from '../audit/audit-log.js';
import { cleanupCutoff } from '../retention/cleanup-date.js';
import { DataRetention } from '../retention/data-retention.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { STARTUP_REPORT, type StartupReport } from './startup-report.js';
import { StorageSettings } from './storage-settings.js';
import { CLOCK, HOST_SETTINGS } from '../core/tokens.js';
import { validFeedUrl } from './update-feed-file.js';
import { UpdateFeedSettings } from './update-feed-settings.js';

@injectable()
export class ConfigChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly storage: StorageSettings,
    private readonly updateFeed: UpdateFeedSettings,
    private readonly retention: DataRetention,
    private readonly audit: AuditLog,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(STARTUP_REPORT) private readonly report: StartupReport,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  register(): void {
    this.router.handle(CONFIG_GET, () => this.view());
    this.router.handle(CONFIG_MOVE_DATABASE, ({ folder }, call) =>
      this.change(call, 'config.moveDatabase', folder, () => this.storage.moveDatabase(folder)),
    );
    // Read-only: the storage page checks a path before it asks for confirmation.
    this.router.handle(CONFIG_CHECK_DATABASE_CHANGE, (input) =>
      input.mode === 'move'
        ? { target: this.storage.planMove(input.folder).to }
        : { target: this.storage.planUse(input.file).file },
    );
    this.router.handle(CONFIG_USE_DATABASE, ({ file }, call) =>
      this.change(call, 'config.useDatabase', file, () => this.storage.useDatabase(file)),
    );
    this.router.handle(CONFIG_CANCEL_DATABASE_CHANGE, (_input, call) =>
      this.change(call, 'config.cancelDatabaseChange', undefined, () => this.storage.cancelDatabaseChange()),
    );
    this.router.handle(CONFIG_SET_LOG_DIR, ({ folder }, call) =>
      this.change(call, 'config.setLogDir', folder ?? '（默认）', () => this.storage.setLogDir(folder)),
    );
    this.router.handle(CONFIG_SET_UPDATE_FEED, ({ url }, call) =>
      this.change(
        call,
        'config.setUpdateFeed',
        url === null || url === '' ? '（无）' : (validFeedUrl(url) ?? url),
        () => this.updateFeed.set(url === '' ? null : url),
      ),
    );
    this.router.handle(CONFIG_CLEANUP_PREVIEW, async ({ before }) => {
      const cutoff = cleanupCutoff(before, this.settings.timeZone, this.clock.now());
      return this.result(before, cutoff, await this.retention.preview(cutoff));
    });
    this.router.handle(CONFIG_CLEANUP, async ({ before }, call) => {
      const cutoff = cleanupCutoff(before, this.settings.timeZone, this.clock.now());
      return this.result(before, cutoff, await this.retention.purge(cutoff, call.user, before));
    });
  }

  /** Audits what the last start did with a move asked for in the settings (the database is open now). */
  async recordStartup(): Promise<void> {
    const move = this.report.databaseMove;
    if (move === null) return;
    await this.audit.record({
      actor: null,
      action: 'config.databaseMoved',
      target: move.to,
      ok: move.ok,
      detail: { from: move.from, message: move.message },
    });
  }

  private view(): ConfigView {
    return { storage: this.storage.view(), updateFeed: this.updateFeed.view() };
  }

  /** Runs a change, audits it (failures too) and answers the new view. */
  private async change(
    call: SignedInCall,
    action: string,
    target: string | undefined,
    run: () => unknown,
  ): Promise<ConfigView> {
    let detail: Record<string, unknown> | undefined;
    try {
      const outcome = run();
      detail =
        typeof outcome === 'object' && outcome !== null ? (outcome as Record<string, unknown>) : undefined;
    } catch (error) {
      await this.audit.record({
        actor: call.user,
        action,
        ...(target === undefined ? {} : { target }),
        ok: false,
      });
      throw error;
    }
    await this.audit.record({
      actor: call.user,
      action,
      ...(target === undefined ? {} : { target }),
      ok: true,
      ...(detail === undefined ? {} : { detail }),
    });
    return this.view();
  }

  private result(before: string, cutoff: number, items: CleanupPreview['items']): CleanupPreview {
    return {
      before,
      cutoff,
      timeZone: this.settings.timeZone,
      items,
      total: items.reduce((sum, item) => sum + item.count, 0),
    };
  }
}

// The database and log locations as the settings change them (R1.8, R8.1). Nothing moves while
// the app runs: each change is written to config.json and applied by the next start (database-move.ts,
// log-location.ts), so the open database and log stay as they are until then.
import { existsSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { inject, injectable } from 'tsyringe';
import type { StorageView } from '../../../sdk/contracts/config.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import {
  BootstrapConfigError,
  configPathOf,
  loadBootstrapConfig,
  resolveDatabasePath,
  resolveLogDir,
  saveBootstrapConfig,
  type BootstrapConfig,
} from './bootstrap-config.js';
import { databaseFileProblem } from './database-file-check.js';
import { checkTargetFolder, defaultTempRoots } from './folder-check.js';
import { DEFAULT_LOG_DIR } from '../core/log-location.js';
import type { HostSettings, RuntimeOptions } from '../core/runtime-options.js';
import { STARTUP_REPORT, type StartupReport } from './startup-report.js';
import { HOST_SETTINGS, RUNTIME_OPTIONS } from '../core/tokens.js';

/** Room the copy needs beyond the database's size (VACUUM INTO writes a compacted copy). */
const SPACE_MARGIN_BYTES = 20 * 1024 * 1024;

function sizeOf(file: string): number {
  let total = 0;
  for (const part of [file, `${file}-wal`]) {
    try {
      total += statSync(part).size;
    } catch {
      // No -wal (or no file yet): nothing to add.
    }
  }
  return total;
}

@injectable()
export class StorageSettings {
  private readonly tempRoots: readonly string[];

  constructor(
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(RUNTIME_OPTIONS) options: RuntimeOptions,
    @inject(STARTUP_REPORT) private readonly report: StartupReport,
  ) {
    this.tempRoots = options.tempRoots ?? defaultTempRoots();
  }

  view(): StorageView {
    const config = this.readConfig();
    const { dataDir, databaseFile, logDir } = this.settings;
    const configuredFile = resolveDatabasePath(dataDir, config);
    const pending =
      config.database.moveTo !== undefined
        ? { kind: 'move' as const, file: resolve(config.database.moveTo) }
        : configuredFile !== databaseFile
          ? { kind: 'use' as const, file: configuredFile }
          : null;
    const configuredLogs = resolveLogDir(dataDir, config);
    return {
      dataDir,
      database: {
        file: databaseFile,
        sizeBytes: sizeOf(databaseFile),
        pending,
        lastMove: this.report.databaseMove,
      },
      logs: {
        dir: logDir,
        configured: configuredLogs,
        isDefault: configuredLogs === resolve(dataDir, DEFAULT_LOG_DIR),
        problem: this.report.logProblem,
      },
      restartRequired: pending !== null || configuredLogs !== this.report.logDirConfigured,
    };
  }

  /** Asks the next start to copy the database into `folder` and use the copy from then on. */
  moveDatabase(folderInput: string): { from: string; to: string } {
    const { from, to } = this.planMove(folderInput);
    const config = this.readConfig();
    // Copy from the file in use, even if another file had been chosen in the meantime.
    this.writeConfig({
      ...config,
      database: { ...config.database, filename: configPathOf(this.settings.dataDir, from), moveTo: to },
    });
    return { from, to };
  }

  /**
   * Every check of a move, without asking for it: the page runs this before its confirmation, so a
   * refused folder is named at once instead of after the user has confirmed.
   */
  planMove(folderInput: string): { from: string; to: string } {
    const folder = checkTargetFolder(folderInput, { field: 'folder', tempRoots: this.tempRoots });
    const from = this.settings.databaseFile;
    const to = join(folder, basename(from));
    if (resolve(to) === resolve(from)) {
      throw new AppError('INVALID_INPUT', '数据库已经在这个文件夹中。', { field: 'folder' });
    }
    if (existsSync(to)) {
      throw new AppError(
        'CONFLICT',
        `${folder} 中已有 ${basename(from)}。如要改用这个已有的数据库，请选择「使用已有的数据库文件」；否则请换一个文件夹。`,
        { field: 'folder' },
      );
    }
    const needed = sizeOf(from) + SPACE_MARGIN_BYTES;
    const { bavail, bsize } = statfsSync(folder);
    if (bavail * bsize < needed) {
      throw new AppError(
        'INVALID_INPUT',
        `${folder} 所在磁盘剩余空间不足：迁移需要约 ${Math.ceil(needed / 1024 / 1024)} MB。`,
        { field: 'folder' },
      );
    }
    return { from, to };
  }

  /** Points the next start at an existing WeCom Live database file. */
  useDatabase(fileInput: string): { file: string } {
    const { file } = this.planUse(fileInput);
    const config = this.readConfig();
    const { moveTo: _dropped, ...database } = config.database;
    this.writeConfig({
      ...config,
      database: { ...database, filename: configPathOf(this.settings.dataDir, file), mustExist: true },
    });
    return { file };
  }

  /** Every check of `useDatabase`, without changing anything (see `planMove`). */
  planUse(fileInput: string): { file: string } {
    const typed = fileInput.trim();
    if (typed === '' || !isAbsolute(typed)) {
      throw new AppError(
        'INVALID_INPUT',
        '请填写数据库文件的完整路径，例如 D:\\企微直播\\wecom-live.sqlite。',
        {
          field: 'file',
        },
      );
    }
    const file = resolve(typed);
    if (file === resolve(this.settings.databaseFile)) {
      throw new AppError('INVALID_INPUT', '这就是正在使用的数据库文件。', { field: 'file' });
    }
    // SQLite writes its -wal and -shm journals beside the file: the folder must pass the same checks.
    checkTargetFolder(dirname(file), { field: 'file', tempRoots: this.tempRoots });
    const problem = databaseFileProblem(file, { thorough: true });
    if (problem !== null) {
      throw new AppError('INVALID_INPUT', `不能使用 ${file}：${problem}。`, { field: 'file' });
    }
    return { file };
  }

  /** Drops a database change that the next start would have applied. */
  cancelDatabaseChange(): void {
    const config = this.readConfig();
    const { moveTo: _dropped, ...database } = config.database;
    this.writeConfig({
      ...config,
      database: { ...database, filename: configPathOf(this.settings.dataDir, this.settings.databaseFile) },
    });
  }

  /** The log folder of the next start; null goes back to `<dataDir>/logs`. */
  setLogDir(folderInput: string | null): { dir: string } {
    const dir =
      folderInput === null
        ? resolve(this.settings.dataDir, DEFAULT_LOG_DIR)
        : checkTargetFolder(folderInput, { field: 'folder', tempRoots: this.tempRoots });
    const config = this.readConfig();
    this.writeConfig({ ...config, logDir: configPathOf(this.settings.dataDir, dir) });
    return { dir };
  }

  private readConfig(): BootstrapConfig {
    try {
      return loadBootstrapConfig(this.settings.dataDir);
    } catch (error) {
      // Someone edited config.json by hand since the start: say so rather than overwrite it.
      if (error instanceof BootstrapConfigError) throw new AppError('CONFLICT', error.message);
      throw error;
    }
  }

  private writeConfig(config: BootstrapConfig): void {
    saveBootstrapConfig(this.settings.dataDir, config);
  }
}

// The `config.*` channels' answers (host/runtime/config/config-channels.ts): where the data and logs live, the
// update feed and the clean-up of old data (R8.1, R1.6, R1.8). Plain types shared with the UI.

/** A database change waiting for the next start: a move (copy then switch) or another existing file. */
export interface PendingDatabaseChange {
  kind: 'move' | 'use';
  /** The absolute file the next start will use. */
  file: string;
}

/** What the last start did with a requested move (kept until the process ends). */
export interface DatabaseMoveOutcome {
  ok: boolean;
  from: string;
  to: string;
  /** Chinese: what happened, or why the move failed and the old file stayed in use. */
  message: string;
  at: number;
}

export interface StorageView {
  dataDir: string;
  database: {
    /** The file in use by this run. */
    file: string;
    /** The file plus its -wal journal, in bytes. */
    sizeBytes: number;
    pending: PendingDatabaseChange | null;
    lastMove: DatabaseMoveOutcome | null;
  };
  logs: {
    /** The folder this run writes to. */
    dir: string;
    /** The folder config.json names (the next start's), resolved. */
    configured: string;
    /** True when config.json names no folder of its own (`<dataDir>/logs`). */
    isDefault: boolean;
    /** Why this run writes elsewhere than configured (the folder could not be used at start). */
    problem: string | null;
  };
  /** Something changed that only the next start applies. */
  restartRequired: boolean;
}

export type UpdateFeedSource = 'env' | 'file' | 'none';

export interface UpdateFeedView {
  /** The feed the app updates from, or null. */
  url: string | null;
  source: UpdateFeedSource;
  /** The value saved in update.json (editable even while the environment overrides it). */
  savedUrl: string | null;
  /** The environment variable that overrides the saved feed. */
  envVariable: string;
  /** Why a configured feed is not used, in Chinese; null when fine. */
  problem: string | null;
  /** Whether this run updates itself at all, and why (not) in Chinese. */
  autoUpdate: { applies: boolean; reason: string };
}

/** `config.checkDatabaseChange`: the database file the change would lead to, once every check passed. */
export interface DatabaseChangeCheck {
  target: string;
}

/** `config.get` */
export interface ConfigView {
  storage: StorageView;
  updateFeed: UpdateFeedView;
}

/** One kind of data the clean-up can delete, with how many rows or files are older than the date. */
export interface CleanupCount {
  id: string;
  label: string;
  count: number;
}

/** `config.cleanupPreview {before}` */
export interface CleanupPreview {
  /** The date as given (yyyy-MM-dd): data from before 00:00 of that day is deleted. */
  before: string;
  /** That instant in epoch ms, in the installation's time zone. */
  cutoff: number;
  timeZone: string;
  items: CleanupCount[];
  total: number;
}

/** `config.cleanup {before}`: what was deleted (the counts are the deleted rows or files). */
export type CleanupResult = CleanupPreview;

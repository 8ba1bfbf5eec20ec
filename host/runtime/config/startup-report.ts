import type { DatabaseMoveOutcome } from '../../../sdk/contracts/config.js';

/** What the start did with the storage settings, for the settings page and the audit log. */
export interface StartupReport {
  /** A move asked for in the settings, done (or failed) by this start; null when none was asked. */
  databaseMove: DatabaseMoveOutcome | null;
  /** The log folder config.json named at this start (resolved). */
  logDirConfigured: string;
  /** Why the log went to the default folder instead; null when the configured one is used. */
  logProblem: string | null;
}

export const STARTUP_REPORT = Symbol.for('wecom-live.StartupReport');

import type { WeComGatewayOptions } from '../../../sdk/wecom/index.js';
import type { KeyWrapper } from '../accounts/secret-vault.js';

/** How a HostRuntime is started (browser mode, Electron, tests). */
export interface RuntimeOptions {
  dataDir: string;
  /** Folders holding `<id>/plugin.json`; the built-in plugins folder by default. */
  pluginDirs: string[];
  /** Replaces https://qyapi.weixin.qq.com for every WeCom call. */
  wecomBaseUrl?: string;
  /** Timeout, retries and limits of every corp's gateway (specs and the bench; defaults otherwise). */
  wecomGateway?: Pick<WeComGatewayOptions, 'timeoutMs' | 'retry' | 'limits'>;
  /** Overrides config.json's session idle timeout (tests). */
  sessionIdleMs?: number;
  /** How often the scheduler looks for due jobs. */
  schedulerPollMs?: number;
  /** First retry delay of a failed scheduled job (doubles per attempt). */
  jobRetryBaseMs?: number;
  /** Overrides config.json's `onlineSampleSeconds`, without its 15 s minimum (tests). */
  onlineSampleIntervalMs?: number;
  /** false: no sampling timer, a spec drives the passes itself (OnlineSampler.sampleNow). Default true. */
  onlineSampleTimer?: boolean;
  /**
   * Folders that vanish (the system temp dir by default): the settings refuse them for the database and
   * the logs. Specs, whose data dirs are temp dirs themselves, pass their own list.
   */
  tempRoots?: string[];
  /** Protects the vault's data key with the OS (Electron's safeStorage); a 0600 key file without it. */
  keyWrapper?: KeyWrapper;
  /**
   * Installs process-level handlers (browser mode and Electron; not specs, which share a process): an
   * error escaping a plugin's code is logged and marks it degraded, one escaping the host's stops the
   * runtime and ends the process with code 1.
   */
  guardProcess?: boolean;
  /**
   * Report plugins (docs/report-plugins.md): the folder scanned (`<data-dir>/reports` by default), the
   * examples offered for installation, and each run's limits (15 s, 50,000 rows per query by default).
   */
  reports?: { dir?: string; examplesDir?: string; timeoutMs?: number; maxRows?: number };
}

/** The host's engine version that plugin manifests' `engine` ranges are checked against. */
export const ENGINE_VERSION = '1.0.0';

/** A clock that tests may replace; everything time-based reads it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Settings the services read, resolved once at start from config.json and the runtime options. */
export interface HostSettings {
  dataDir: string;
  databaseFile: string;
  /** The folder the log is written to by this run. */
  logDir: string;
  sessionIdleMs: number;
  uploadMaxBytes: number;
  timeZone: string;
  schedulerPollMs: number;
  /** Jobs that may run at once. */
  jobConcurrency: number;
  jobRetryBaseMs: number;
  /** Between two online samples of a live that is on; also the base of a failing corp's backoff. */
  onlineSampleIntervalMs: number;
  onlineSampleTimer: boolean;
}

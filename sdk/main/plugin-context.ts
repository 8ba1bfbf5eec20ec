import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import type { z } from 'zod';
import type { AnyChannel, AnonymousCall, HandlerOf } from '../contracts/channel.js';
import type { SessionUser } from '../contracts/host-status.js';
import type { JobSnapshot } from '../contracts/jobs.js';
import type { PluginManifest } from '../contracts/plugin-manifest.js';
import type { Tier } from '../contracts/tiers.js';
import type { WeComGateway } from '../wecom/gateway.js';
import type { LiveStore } from './live-store.js';
import type { PluginWorkers } from './workers.js';

/** Who is calling: passed to every handler. `user` is null only on `public` channels without a session. */
export type CallContext = AnonymousCall;

/** How a channel is guarded by the host before its handler runs. */
export interface ChannelOptions<S extends z.ZodType> {
  /** zod schema of the input; a failure answers INVALID_INPUT naming the field. */
  input: S;
  minTier: Tier;
  /** Needs a WeCom login (root-admin is refused: it never makes WeCom business calls). */
  requiresCorp?: boolean;
}

export type ChannelHandler<I, O> = (input: I, call: CallContext) => O | Promise<O>;

/** What a job handler receives. Throwing fails the job; `signal` aborts on cancel or shutdown. */
export interface JobContext<I = unknown> {
  jobId: string;
  kind: string;
  input: I;
  owner: { userid: string; tier: SessionUser['tier'] } | null;
  corpId: string | null;
  attempt: number;
  signal: AbortSignal;
  /** Reports progress to the owner (`job.progress`). */
  progress(done: number, total: number, message?: string): void;
  log: Logger;
}

export type JobHandler<I = unknown, O = unknown> = (job: JobContext<I>) => Promise<O>;

export interface ScheduleOptions {
  runAt: Date;
  /** A second schedule with the same key replaces a still-queued one instead of adding another. */
  dedupeKey?: string;
  /** Total attempts including the first (default 3); retries back off exponentially. */
  maxAttempts?: number;
  ownerUserid?: string | null;
  corpId?: string | null;
}

/** Jobs of a plugin; kinds are namespaced `<pluginId>.<kind>` by the host. */
export interface PluginScheduler {
  registerJob<I, O>(kind: string, handler: JobHandler<I, O>): void;
  /** Starts a job owned by the caller now; answers at once with its id. */
  start<I>(kind: string, input: I, call: CallContext): Promise<{ jobId: string }>;
  /** Persists a job to run at `runAt`, surviving restarts. */
  schedule<I>(kind: string, input: I, options: ScheduleOptions): Promise<{ jobId: string }>;
  /**
   * One of this plugin's jobs as the caller may see it (the same ownership as `jobs.get`): NOT_FOUND
   * when it is another account's or another plugin's. For data a job keeps outside its small result.
   */
  get(jobId: string, call: CallContext): Promise<JobSnapshot>;
}

/**
 * Who receives an event: everyone with a session, admins, or one account. An account is (corpId,
 * userid): give the job's `corpId` (null for root-admin's own account); a WeCom admin also receives
 * their own corp's events, never another corp's. `admins` with a corpId reaches that corp's admins.
 */
export type EventAudience =
  | { kind: 'all' }
  | { kind: 'admins'; corpId?: string | null }
  /** Every session of one corp, whatever the tier. */
  | { kind: 'corp'; corpId: string }
  | { kind: 'user'; userid: string; corpId?: string | null };

export interface PluginEvents {
  /**
   * Publishes `<pluginId>.<type>` (`type` may already carry the prefix). Host events (`plugins.changed`,
   * `job.*`, `wecom.*` …) and other plugins' names are refused with FORBIDDEN.
   */
  emit(type: string, payload: unknown, audience: EventAudience): void;
  /**
   * Subscribes to host and plugin events; the subscription ends when the plugin is disabled. A listener
   * that throws (or whose promise rejects) is logged and marks the plugin degraded; others still run.
   */
  on(type: string, listener: (payload: unknown) => void | Promise<void>): void;
}

/** Plugin-scoped key/value settings stored in the database. */
export interface PluginSettings {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export interface StoredFile {
  fileId: string;
  name: string;
  size: number;
  path: string;
  ownerUserid: string | null;
}

/** The WeCom gateway of a corp app: every WeCom call of a plugin goes through it (docs/architecture.md "WeCom gateway"). */
export interface PluginWeCom {
  /** The gateway of the caller's corp; FORBIDDEN for a session without one (use `requiresCorp`). */
  forCall(call: CallContext): Promise<WeComGateway>;
  /** The gateway of a corp by its internal id (jobs carry `corpId`). */
  forCorp(corpId: string): Promise<WeComGateway>;
}

/** Uploaded and generated files, owned by a user. */
export interface PluginFiles {
  /** Resolves an uploaded file the caller may read (NOT_FOUND otherwise). */
  get(fileId: string, call: CallContext): Promise<StoredFile>;
  /**
   * Reserves a path under exports/ for a generated file and records it for the owner, the account
   * (corpId, ownerUserid): a job passes `job.owner?.userid ?? null` and `job.corpId`.
   */
  createExport(fileName: string, ownerUserid: string | null, corpId: string | null): Promise<StoredFile>;
  /** Records the final size once the file is written. */
  finalize(fileId: string): Promise<StoredFile>;
}

/** What one contributor's purge did: rows deleted, and work for after the commit (deleting files). */
export interface RetentionPurged {
  deleted: number;
  /** Runs only once the clean-up's transaction committed (a rollback keeps the files); errors are logged. */
  afterCommit?: () => void | Promise<void>;
}

/**
 * One kind of data the clean-up of old data (系统设置 → 数据清理) may delete: root-admin picks a date,
 * sees `count` of every contributor, confirms, and every `purge` runs in one transaction.
 */
export interface RetentionContributor {
  /** Unique per plugin; the host namespaces it `<pluginId>.<id>`. */
  id: string;
  /** What is deleted, in Chinese, as the preview table shows it (e.g. "签到记录"). */
  label: string;
  /** How many rows (or files) are older than `before`. `db` is a read transaction of the preview. */
  count(before: Date, db: Knex): Promise<number>;
  /** Deletes exactly what `count` counted, through `trx` only; never anything from `before` or later. */
  purge(before: Date, trx: Knex.Transaction): Promise<number | RetentionPurged>;
}

/** One entry of root-admin's 审计日志 (审计日志 page and its export). */
export interface PluginAuditEntry {
  /** Namespaced by the host as `<pluginId>.<action>`; give it a Chinese label in sdk/contracts/audit-actions.ts. */
  action: string;
  /** What it concerned, as people read it (e.g. a live's theme and livingid). */
  target?: string;
  /** Default true. */
  ok?: boolean;
  detail?: Record<string, unknown>;
}

/** Records what people did through the plugin: writes to WeCom, imports. */
export interface PluginAudit {
  /** `by`: the call's context, or a job's owner. */
  record(by: CallContext | JobContext['owner'], entry: PluginAuditEntry): Promise<void>;
}

/** Joins the clean-up of old data; a contributor is removed when the plugin is disabled. */
export interface PluginRetention {
  register(contributor: RetentionContributor): void;
}

/**
 * Everything a plugin's main side may use. Whatever it registers through the context is owned by it
 * and disposed when the plugin is disabled.
 */
export interface PluginContext {
  readonly id: string;
  readonly manifest: PluginManifest;
  /**
   * The plugin's own DI container: register its services here. It resolves nothing of the host's
   * (no vault, database or session service); `PLUGIN_CONTEXT` resolves this context.
   */
  readonly container: DependencyContainer;
  /**
   * Knex on the shared database, narrowed to the plugin's own tables (`<id with _ for ->_*`, created by
   * its migrations): any statement touching another table is refused with FORBIDDEN before it runs.
   */
  readonly db: Knex;
  readonly log: Logger;
  readonly scheduler: PluginScheduler;
  readonly events: PluginEvents;
  readonly settings: PluginSettings;
  readonly files: PluginFiles;
  readonly wecom: PluginWeCom;
  readonly retention: PluginRetention;
  readonly audit: PluginAudit;
  /** The installation's IANA time zone (config.json `timeZone`): show times and read zoneless ones in it. */
  readonly timeZone: string;
  /** The host's live store (lives, viewers, names, online samples, check-ins), scoped by corpId. */
  readonly liveStore: LiveStore;
  /** Runs one of the plugin's own modules in a worker thread (workbook parsing, Excel building). */
  readonly workers: PluginWorkers;
  /**
   * Registers the handler of a channel the plugin declared in its `shared/channels.ts` (its name must
   * start with `<pluginId>.`); the handler's input, call context and answer are typed from it.
   */
  handle<C extends AnyChannel>(channel: C, handler: HandlerOf<C>): void;
  /** Runs when the plugin is disabled or the host stops. */
  onDispose(dispose: () => void | Promise<void>): void;
}

import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { isAppError } from '../../../sdk/contracts/errors.js';
import { isTokenErrcode, WeComError, type WeComGateway } from '../../../sdk/wecom/index.js';
import type { Clock, HostSettings } from '../core/runtime-options.js';
import { CLOCK, HOST_SETTINGS, KNEX, LOGGER } from '../core/tokens.js';
import { WeComGateways } from '../wecom/wecom-gateways.js';
import { FailureStreaks } from './failure-streaks.js';
import { LiveStoreService } from './live-store.js';
import { samplingTargets, type SamplingTarget } from './sampling-targets.js';

/** WeCom's over-limit errcodes: the corp's budget, not the live. */
const OVER_LIMIT = new Set([45009, 45033]);
/** The longest a failing corp or live waits between two attempts. */
const MAX_BACKOFF_MS = 15 * 60_000;

/** What one pass did for one corp. */
export interface CorpSampling {
  corpId: string;
  /**
   * sampled: every due live was asked (some may have failed on their own); failed: the corp's calls
   * failed and it backs off; waiting: still backing off; busy: its previous pass is still running.
   */
  state: 'sampled' | 'failed' | 'waiting' | 'busy';
  /** Lives whose get_living_info was stored this pass. */
  sampled: number;
  /** Lives whose own get_living_info failed (they back off alone). */
  failedLives: number;
  /** The corp's error (code) when `state` is failed. */
  error?: string;
}

export interface SamplingPass {
  at: number;
  corps: CorpSampling[];
}

/**
 * Peak viewers (docs/architecture.md, "Peak viewers"): WeCom only tells a live's current online_count,
 * so every interval (config.json `onlineSampleSeconds`, 60 s by default) this asks get_living_info for
 * every live that is on, and every reservation whose start has passed, in every saved corp, and merges
 * the answer into the live store (which records the sample and the peak). A live that WeCom reports
 * ended, expired or cancelled drops out of the next pass by itself.
 *
 * A host service rather than a plugin job: the samples belong to the host's live store and feed the
 * list, the detail page and their exports whichever plugins are on; a job per tick would fill the job
 * table and the admins' job events every minute; and the work has no owner or session. It keeps no
 * state of its own that matters: what to sample is read from the database on every pass, so after a
 * restart sampling simply resumes (only the in-memory backoff starts afresh).
 *
 * Failures stay local: corps are sampled side by side, a corp whose calls fail (60020, unreachable, a
 * wrong secret, over its limits) backs off exponentially without holding up the others, and a live
 * whose own call fails backs off alone. A 60020 reaches the trusted-IP dialog through the corp's
 * gateway, as for every other background call; the backoff keeps that to one event per attempt. The log
 * gets one warning when a streak starts and one line when it ends.
 */
@injectable()
export class OnlineSampler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly abort = new AbortController();
  private readonly inFlight = new Map<string, Promise<CorpSampling>>();
  private readonly corpStreaks: FailureStreaks;
  private readonly liveStreaks: FailureStreaks;
  private passFailing = false;

  constructor(
    @inject(KNEX) private readonly db: Knex,
    private readonly store: LiveStoreService,
    private readonly gateways: WeComGateways,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(HOST_SETTINGS) private readonly settings: HostSettings,
    @inject(LOGGER) private readonly log: Logger,
  ) {
    const base = Math.max(1, settings.onlineSampleIntervalMs);
    this.corpStreaks = new FailureStreaks(base, MAX_BACKOFF_MS);
    this.liveStreaks = new FailureStreaks(base, MAX_BACKOFF_MS);
  }

  /** Starts the timer; the first pass runs at once, so a restart resumes sampling right away. */
  start(): void {
    const interval = Math.max(1, this.settings.onlineSampleIntervalMs);
    if (!this.settings.onlineSampleTimer || !this.stopped) return;
    this.stopped = false;
    this.log.info({ intervalMs: interval }, 'online sampling started');
    const tick = (): void => {
      if (this.stopped) return;
      // The next tick does not wait for this pass: a slow corp is skipped as busy, the others go on.
      this.timer = setTimeout(tick, interval);
      this.timer.unref();
      void this.sampleNow();
    };
    tick();
  }

  /** Stops the timer and aborts the calls under way; waits for them to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** One pass over the lives due now; answers what happened per corp. Never throws. */
  async sampleNow(): Promise<SamplingPass> {
    const at = this.clock.now();
    let targets: SamplingTarget[];
    try {
      targets = await samplingTargets(this.db, at);
      if (this.passFailing) this.log.info('online sampling pass works again');
      this.passFailing = false;
    } catch (error) {
      if (!this.passFailing && !this.abort.signal.aborted) {
        this.log.error({ err: error }, 'online sampling could not read the lives to sample');
      }
      this.passFailing = true;
      return { at, corps: [] };
    }
    const byCorp = new Map<string, string[]>();
    for (const target of targets) {
      byCorp.set(target.corpId, [...(byCorp.get(target.corpId) ?? []), target.livingid]);
    }
    this.corpStreaks.retain(new Set(byCorp.keys()));
    this.liveStreaks.retain(new Set(targets.map((target) => liveKey(target.corpId, target.livingid))));
    const passes = [...byCorp].map(([corpId, livingids]): Promise<CorpSampling> => {
      if (this.inFlight.has(corpId)) return Promise.resolve(idle(corpId, 'busy'));
      if (this.corpStreaks.waiting(corpId, at)) return Promise.resolve(idle(corpId, 'waiting'));
      const pass = this.sampleCorp(corpId, livingids).finally(() => this.inFlight.delete(corpId));
      this.inFlight.set(corpId, pass);
      return pass;
    });
    return { at, corps: await Promise.all(passes) };
  }

  private async sampleCorp(corpId: string, livingids: readonly string[]): Promise<CorpSampling> {
    const signal = this.abort.signal;
    const outcome: CorpSampling = { corpId, state: 'sampled', sampled: 0, failedLives: 0 };
    let gateway: WeComGateway;
    try {
      gateway = await this.gateways.forCorp(corpId);
    } catch (error) {
      return this.corpFailed(outcome, error);
    }
    for (const livingid of livingids) {
      if (signal.aborted) break;
      const key = liveKey(corpId, livingid);
      if (this.liveStreaks.waiting(key, this.clock.now())) continue;
      try {
        const info = await gateway.getLivingInfo(livingid, { signal });
        await this.store.mergeLivingInfo(corpId, livingid, info);
        outcome.sampled += 1;
        const failures = this.liveStreaks.succeed(key);
        if (failures > 0) this.log.info({ corpId, livingid, failures }, 'online sampling of a live resumed');
      } catch (error) {
        if (signal.aborted) break;
        if (!concernsOneLive(error)) return this.corpFailed(outcome, error);
        outcome.failedLives += 1;
        const { failures, retryInMs } = this.liveStreaks.fail(key, this.clock.now());
        const entry = { corpId, livingid, failures, retryInMs, ...describe(error) };
        if (failures === 1) this.log.warn(entry, 'online sampling of a live failed; backing off');
        else this.log.debug(entry, 'online sampling of a live failed again');
      }
    }
    const failures = this.corpStreaks.succeed(corpId);
    if (failures > 0) this.log.info({ corpId, failures }, 'online sampling of a corp resumed');
    return outcome;
  }

  private corpFailed(outcome: CorpSampling, error: unknown): CorpSampling {
    if (this.abort.signal.aborted) return outcome;
    const { failures, retryInMs } = this.corpStreaks.fail(outcome.corpId, this.clock.now());
    const entry = { corpId: outcome.corpId, failures, retryInMs, ...describe(error) };
    if (failures === 1) this.log.warn(entry, 'online sampling of a corp failed; backing off');
    else this.log.debug(entry, 'online sampling of a corp failed again');
    return { ...outcome, state: 'failed', error: entry.code };
  }
}

function liveKey(corpId: string, livingid: string): string {
  return `${corpId}\u0000${livingid}`;
}

function idle(corpId: string, state: 'waiting' | 'busy'): CorpSampling {
  return { corpId, state, sampled: 0, failedLives: 0 };
}

/**
 * True for an error WeCom gave about this one live (an unknown livingid, a malformed answer); anything
 * else (60020, unreachable, the token or the secret, over the limits, our own database) concerns the
 * whole corp, whose other lives would fail the same way.
 */
function concernsOneLive(error: unknown): boolean {
  if (!isAppError(error) || error.code !== 'WECOM_ERROR') return false;
  if (
    error instanceof WeComError &&
    (isTokenErrcode(error.api, error.errcode) || OVER_LIMIT.has(error.errcode))
  )
    return false;
  return error.details?.['api'] === 'living/get_living_info';
}

/**
 * What the log keeps of an error: our codes and Chinese messages (the gateway scrubs credentials from
 * them); anything else comes from our own database and is logged as it is.
 */
function describe(error: unknown): { code: string; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

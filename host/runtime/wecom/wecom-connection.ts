import { inject, injectable } from 'tsyringe';
import { WECOM_CONNECTION, WECOM_CONNECTION_CHECK } from '../../../sdk/contracts/wecom-channels.js';
import type { WeComConnectionState } from '../../../sdk/contracts/wecom-connection.js';
import type { CallOutcome } from '../../../sdk/wecom/index.js';
import { EventBus } from '../core/event-bus.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK } from '../core/tokens.js';

/** A run of successful calls republishes the state at most this often (its "last successful call" time). */
const OK_REPUBLISH_MS = 60_000;

/**
 * The WeCom connection state per saved corp (shell indicator): derived from what each corp's gateway
 * sees on every exchange (`onCallOutcome`), pushed to that corp's sessions as `wecom.connection` when
 * it changes, and readable through the `wecom.connection` channel (a session reads only its own corp).
 * In memory: after a restart the state is `unknown` until the next call; every login makes one.
 */
@injectable()
export class WeComConnection {
  private readonly states = new Map<string, WeComConnectionState>();
  private readonly published = new Map<string, number>();

  constructor(
    private readonly bus: EventBus,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The hook of one corp's gateway. */
  hookFor(corpId: string): (outcome: CallOutcome) => void {
    return (outcome) => this.record(corpId, outcome);
  }

  /** The corp's state (unknown when no call was made since the start). */
  get(corpId: string): WeComConnectionState {
    return this.states.get(corpId) ?? this.initial(corpId);
  }

  /** A corp was deleted or its app replaced: its state starts again. */
  forget(corpId: string): void {
    this.states.delete(corpId);
    this.published.delete(corpId);
  }

  record(corpId: string, outcome: CallOutcome): void {
    const now = this.clock.now();
    const previous = this.get(corpId);
    const at = new Date(now).toISOString();
    const details = {
      api: outcome.api,
      errcode: outcome.kind === 'tokenRefused' ? outcome.errcode : null,
      ip: outcome.kind === 'ipNotAllowed' ? outcome.ip : null,
      failure: outcome.kind === 'unreachable' ? outcome.failure : null,
    };
    const next: WeComConnectionState = {
      ...previous,
      ...details,
      kind: outcome.kind,
      since: outcome.kind === previous.kind ? previous.since : at,
      lastOkAt: outcome.kind === 'ok' && outcome.errcode === 0 ? at : previous.lastOkAt,
    };
    this.states.set(corpId, next);
    const changed =
      next.kind !== previous.kind ||
      next.errcode !== previous.errcode ||
      next.ip !== previous.ip ||
      next.failure !== previous.failure;
    const stale =
      next.lastOkAt !== previous.lastOkAt && now - (this.published.get(corpId) ?? 0) >= OK_REPUBLISH_MS;
    if (changed || stale) {
      this.published.set(corpId, now);
      this.bus.publish('wecom.connection', next, { kind: 'corp', corpId });
    }
  }

  /**
   * `wecom.connection` (the state of the caller's corp) and `wecom.connection.check` (calls WeCom now:
   * gettoken + agent/get through `check`, then answers the new state; WeCom's error is not thrown, the
   * state shows it).
   */
  register(router: IpcRouter, check: (corpId: string) => Promise<unknown>): void {
    router.handle(WECOM_CONNECTION, (_input, call) => this.get(call.corp.corpId));
    router.handle(WECOM_CONNECTION_CHECK, async (_input, call) => {
      const corpId = call.corp.corpId;
      // The outcome hook has recorded whatever happened; a failure is the state, not an error here.
      await check(corpId).catch(() => undefined);
      return this.get(corpId);
    });
  }

  private initial(corpId: string): WeComConnectionState {
    return {
      corpId,
      kind: 'unknown',
      lastOkAt: null,
      since: new Date(this.clock.now()).toISOString(),
      api: null,
      errcode: null,
      ip: null,
      failure: null,
    };
  }
}

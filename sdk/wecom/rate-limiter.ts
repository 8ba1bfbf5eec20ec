/**
 * Keeps one corp app's calls within WeCom's frequency limits and a concurrency cap. Each call reserves a
 * slot in every window that applies to it (sliding-window.ts), then waits for a concurrency slot in a
 * p-queue, and only then is sent. Defaults are WeCom's published limits (docs/architecture.md "WeCom gateway"); all are
 * configurable, and tests and benches set small ones.
 */
import PQueue from 'p-queue';
import { WindowGate, type Reservation, type SlidingWindow } from './sliding-window.js';

export interface RateLimits {
  /** Per corp per API (WeCom: 10,000/min). */
  perApiPerMinute: number;
  /** Per corp per API (WeCom: 150,000/h). */
  perApiPerHour: number;
  /** Across all APIs of this corp app; WeCom publishes none, so unlimited unless set. */
  perCorpPerMinute: number;
  /** Per IP per API (WeCom: 20,000/min), shared by every gateway of the process. */
  perIpPerApiPerMinute: number;
  /** Per IP per API (WeCom: 600,000/h). */
  perIpPerApiPerHour: number;
  /** message/send to one member (WeCom: 30/min; the excess is silently dropped by WeCom). */
  messagesPerMemberPerMinute: number;
  /** Requests in flight at once for this corp app. */
  concurrency: number;
}

export const DEFAULT_LIMITS: Readonly<RateLimits> = {
  perApiPerMinute: 10_000,
  perApiPerHour: 150_000,
  perCorpPerMinute: Infinity,
  perIpPerApiPerMinute: 20_000,
  perIpPerApiPerHour: 600_000,
  messagesPerMemberPerMinute: 30,
  concurrency: 16,
};

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The per-IP windows are one per process: every gateway's calls leave from the same public IP. The host
 * may pass its own gate instead (tests do, to stay independent of each other).
 */
export const processIpGate = new WindowGate();

export interface CallKey {
  api: string;
  /** message/send recipients (userids), each limited per minute. */
  recipients?: readonly string[];
}

export interface LimiterStats {
  inFlight: number;
  maxInFlight: number;
  /** Calls that had to wait for room in a rate window. */
  rateWaits: number;
  /** Calls waiting for a window or a concurrency slot right now. */
  waiting: number;
}

export class RateLimiter {
  readonly limits: Readonly<RateLimits>;
  private readonly gate: WindowGate;
  private readonly ipGate: WindowGate;
  private readonly queue: PQueue;
  private readonly closing = new AbortController();
  private inFlight = 0;
  private maxInFlight = 0;

  constructor(limits: Partial<RateLimits> = {}, options: { ipGate?: WindowGate; now?: () => number } = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.gate = new WindowGate(options.now);
    this.ipGate = options.ipGate ?? processIpGate;
    this.queue = new PQueue({ concurrency: this.limits.concurrency });
  }

  /** Runs `send` once every limit allows it; `send` is the request itself, nothing that waits. */
  async run<T>(key: CallKey, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const combined = signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal;
    const reservations: Reservation[] = [];
    try {
      reservations.push(await this.gate.acquire(this.corpWindows(key), combined));
      reservations.push(await this.ipGate.acquire(this.ipWindows(key.api), combined));
      return await this.queue.add(
        async () => {
          for (const reservation of reservations) reservation.commit();
          this.inFlight += 1;
          this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
          try {
            return await send();
          } finally {
            this.inFlight -= 1;
          }
        },
        { signal: combined },
      );
    } finally {
      // No-ops for reservations already committed; frees the slots of a call that never went out.
      for (const reservation of reservations) reservation.release();
    }
  }

  stats(): LimiterStats {
    return {
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      rateWaits: this.gate.waitCount,
      waiting: this.gate.waiting + this.queue.size,
    };
  }

  /** Rejects every waiting call; calls already sent finish. */
  close(reason: unknown): void {
    this.closing.abort(reason);
    this.queue.clear();
  }

  private corpWindows(key: CallKey): SlidingWindow[] {
    const { limits } = this;
    const windows = [
      this.gate.window(`api:${key.api}:m`, { limit: limits.perApiPerMinute, windowMs: MINUTE }),
      this.gate.window(`api:${key.api}:h`, { limit: limits.perApiPerHour, windowMs: HOUR }),
    ];
    if (Number.isFinite(limits.perCorpPerMinute)) {
      windows.push(this.gate.window('corp:m', { limit: limits.perCorpPerMinute, windowMs: MINUTE }));
    }
    for (const recipient of new Set(key.recipients ?? [])) {
      windows.push(
        this.gate.window(`msg:${recipient.toLowerCase()}`, {
          limit: limits.messagesPerMemberPerMinute,
          windowMs: MINUTE,
        }),
      );
    }
    return windows.filter((window) => Number.isFinite(window.limit));
  }

  private ipWindows(api: string): SlidingWindow[] {
    const { limits } = this;
    return [
      this.ipGate.window(`ip:${api}:m`, { limit: limits.perIpPerApiPerMinute, windowMs: MINUTE }),
      this.ipGate.window(`ip:${api}:h`, { limit: limits.perIpPerApiPerHour, windowMs: HOUR }),
    ].filter((window) => Number.isFinite(window.limit));
  }
}

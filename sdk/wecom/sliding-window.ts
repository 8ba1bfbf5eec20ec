/**
 * Sliding-window rate limits that hold for several windows at once (per API per minute and per hour, per
 * corp, per IP, per message recipient).
 *
 * Why not one p-queue per limit, nested: a p-queue counts a task when it hands it to the next queue, not
 * when the request leaves, so tasks held up in an inner queue can bunch up and exceed the outer limit.
 * Here a caller first *reserves* a slot in every window it needs at once (a reservation counts as used
 * from that moment), and the slot's time is set when the request is actually sent. Every request in any
 * window of length `windowMs` was counted when the last of them was granted, so no window ever holds more
 * than `limit` requests.
 */

export interface WindowSpec {
  limit: number;
  windowMs: number;
}

/** The record of one limit: send times still inside the window, and reservations not yet sent. */
export class SlidingWindow {
  private readonly starts: number[] = [];
  private head = 0;
  private reserved = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private prune(now: number): void {
    while (this.head < this.starts.length && (this.starts[this.head] as number) <= now - this.windowMs) {
      this.head += 1;
    }
    // Compact now and then so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.starts.length) {
      this.starts.splice(0, this.head);
      this.head = 0;
    }
  }

  used(now: number): number {
    this.prune(now);
    return this.starts.length - this.head + this.reserved;
  }

  hasRoom(now: number): boolean {
    return this.used(now) < this.limit;
  }

  /** When a slot frees at the earliest; Infinity while only unsent reservations fill the window. */
  freeAt(now: number): number {
    const excess = this.used(now) - this.limit;
    if (excess < 0) return now;
    const index = this.head + excess;
    return index < this.starts.length ? (this.starts[index] as number) + this.windowMs : Infinity;
  }

  reserve(): void {
    this.reserved += 1;
  }

  release(): void {
    this.reserved -= 1;
  }

  commit(at: number): void {
    this.reserved -= 1;
    this.starts.push(at);
  }
}

/** A granted slot in a set of windows: `commit()` when the request is sent, `release()` if it never is. */
export interface Reservation {
  commit(): void;
  release(): void;
}

interface Waiter {
  windows: SlidingWindow[];
  resolve: (reservation: Reservation) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Hands out reservations across windows, first come first served among callers whose windows all have
 * room (a caller blocked on one API does not hold up callers of another).
 */
export class WindowGate {
  private readonly windows = new Map<string, SlidingWindow>();
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private waited = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The window registered under `key`, created with `spec` on first use. */
  window(key: string, spec: WindowSpec): SlidingWindow {
    let window = this.windows.get(key);
    if (!window) {
      window = new SlidingWindow(spec.limit, spec.windowMs);
      this.windows.set(key, window);
    }
    return window;
  }

  /** How many acquisitions had to wait for room. */
  get waitCount(): number {
    return this.waited;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  acquire(windows: SlidingWindow[], signal?: AbortSignal): Promise<Reservation> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.now();
    if (this.waiters.length === 0 && windows.every((w) => w.hasRoom(now))) {
      return Promise.resolve(this.grant(windows));
    }
    this.waited += 1;
    return new Promise<Reservation>((resolve, reject) => {
      const waiter: Waiter = { windows, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** Rejects every waiting caller (the gateway is closing). */
  rejectAll(reason: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.reject(reason);
    }
    this.clearTimer();
  }

  private grant(windows: SlidingWindow[]): Reservation {
    for (const window of windows) window.reserve();
    let settled = false;
    return {
      commit: () => {
        if (settled) return;
        settled = true;
        const at = this.now();
        for (const window of windows) window.commit(at);
        // A window full of unsent reservations had no known free time; now it has one.
        if (this.waiters.length > 0) this.pump();
      },
      release: () => {
        if (settled) return;
        settled = true;
        for (const window of windows) window.release();
        // A released slot may let a waiter through now.
        this.pump();
      },
    };
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
    // Nobody left to wake: a pending timer would only keep the process alive.
    if (this.waiters.length === 0) this.clearTimer();
  }

  private pump(): void {
    const now = this.now();
    let nextAt = Infinity;
    for (let i = 0; i < this.waiters.length;) {
      const waiter = this.waiters[i] as Waiter;
      if (waiter.windows.every((w) => w.hasRoom(now))) {
        this.waiters.splice(i, 1);
        if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.resolve(this.grant(waiter.windows));
        continue;
      }
      const freeAt = Math.max(...waiter.windows.map((w) => w.freeAt(now)));
      nextAt = Math.min(nextAt, freeAt);
      i += 1;
    }
    this.schedule(nextAt);
  }

  private schedule(at: number): void {
    if (at === this.timerAt) return;
    this.clearTimer();
    // Infinity: only unsent reservations block; their commit/release calls pump() again.
    if (at === Infinity || this.waiters.length === 0) return;
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.now()) + 1,
    );
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}

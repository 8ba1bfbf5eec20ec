import { computed, signal, type DestroyRef } from '@angular/core';

/** The wait of a RATE_LIMITED answer, counted down once a second so the page can show it (R2.8). */
export class RetryCountdown {
  private readonly until = signal(0);
  private readonly now = signal(Date.now());
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Whole seconds left; 0 when the account may try again. */
  readonly seconds = computed(() => Math.max(0, Math.ceil((this.until() - this.now()) / 1000)));

  constructor(destroyRef: DestroyRef) {
    destroyRef.onDestroy(() => this.stop());
  }

  start(waitMs: number): void {
    this.now.set(Date.now());
    this.until.set(Date.now() + waitMs);
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.now.set(Date.now());
      if (this.seconds() === 0) this.stop();
    }, 1000);
  }

  private stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

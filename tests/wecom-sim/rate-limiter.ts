import type { RateLimits } from './config.js';

const WINDOW_MS = 60_000;

/**
 * Rolling one-minute windows per API and per corp, in real time (a client's limiter runs on real time
 * too). Only accepted calls count, so after N accepted calls the next one is refused until the oldest
 * leaves the window. gettoken has its own per-API budget but stays out of the corp's: WeCom limits it
 * separately from the business APIs.
 */
export class RateLimiter {
  private readonly perApi = new Map<string, number[]>();
  private perCorp: number[] = [];

  tryAcquire(api: string, limits: RateLimits, nowMs: number = Date.now()): boolean {
    const apiWindow = prune(this.perApi.get(api) ?? [], nowMs);
    this.perApi.set(api, apiWindow);
    this.perCorp = prune(this.perCorp, nowMs);
    const inCorpBudget = api !== 'gettoken';
    if (limits.perApiPerMinute !== null && apiWindow.length >= limits.perApiPerMinute) return false;
    if (inCorpBudget && limits.perCorpPerMinute !== null && this.perCorp.length >= limits.perCorpPerMinute) {
      return false;
    }
    apiWindow.push(nowMs);
    if (inCorpBudget) this.perCorp.push(nowMs);
    return true;
  }

  clear(): void {
    this.perApi.clear();
    this.perCorp = [];
  }
}

function prune(window: number[], nowMs: number): number[] {
  let drop = 0;
  while (drop < window.length && (window[drop] as number) <= nowMs - WINDOW_MS) drop += 1;
  return drop === 0 ? window : window.slice(drop);
}

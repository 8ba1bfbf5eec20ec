import type { SimClock } from './clock.js';
import type { SimConfig } from './config.js';
import type { Counters } from './counters.js';
import type { GeneratorOptions } from './data-generator.js';
import type { FaultQueue } from './faults.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SimState } from './state.js';
import type { TokenStore } from './tokens.js';

/** Everything a WeCom route or an admin route works on, owned by one running simulator. */
export interface SimContext {
  state: SimState;
  clock: SimClock;
  tokens: TokenStore;
  faults: FaultQueue;
  limiter: RateLimiter;
  counters: Counters;
  config: SimConfig;
  /** What the seeded state was generated from (reset regenerates from it, possibly with a new seed). */
  generator: GeneratorOptions;
  /** Options given at start; reset returns the run-time config to them. */
  initialConfig: SimConfig;
  /** A fixed start time given at start; otherwise reset re-anchors the clock to real time. */
  fixedNow: number | undefined;
  /** Whether the clock was frozen at start; reset restores it. */
  initialFrozen: boolean;
}

import { Prng } from './prng.js';

/** A fault armed through POST /__sim/faults; see the admin API for the field meanings. */
export interface FaultSpec {
  /** The path after /cgi-bin/ (e.g. "living/get_watch_stat"), or "*" for every API. */
  api: string;
  errcode?: number;
  /** Sent verbatim instead of WeCom's formatted errmsg. */
  errmsg?: string;
  /** The "from ip:" of the formatted errmsg (60020's trusted-IP hint). */
  ip?: string;
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /**
   * How many calls it hits; default 1, or until cleared when `probability` is set. A fault with none of
   * errcode, drop or delayMs answers the calls it hits as usual: armed first, it lets N calls through
   * before the next fault on that API applies.
   */
  times?: number;
  /**
   * Hit each matching call with this chance (0–1], drawn from a seeded PRNG so a run can be replayed;
   * a call it misses goes on to the next armed fault or is answered normally.
   */
  probability?: number;
  /** Process the call (a write happens) and only then answer with the fault or drop. */
  afterProcessing?: boolean;
  /**
   * With `afterProcessing`: wait this long after processing before answering (normally, or with the
   * fault). A client whose timeout is shorter sees a timeout although the write happened (a message
   * delivered whose answer is lost).
   */
  answerDelayMs?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  /** Hits left; null: until cleared (a probabilistic fault without `times`). */
  remaining: number | null;
  /** Calls it has hit so far. */
  hits: number;
}

/** Armed faults, consumed in the order they were armed, each `times` times. */
export class FaultQueue {
  private faults: Fault[] = [];
  private nextId = 1;
  private prng: Prng;

  constructor(private readonly seed = 1) {
    this.prng = new Prng(seed);
  }

  add(spec: FaultSpec): Fault {
    const remaining = spec.times ?? (spec.probability === undefined ? 1 : null);
    const fault: Fault = { ...spec, id: this.nextId, remaining, hits: 0 };
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  /** The fault that applies to this call, if any (one use of it is consumed). */
  take(api: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.api === api || f.api === '*') && (f.probability === undefined || this.prng.next() < f.probability),
    );
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }

  /** Disarms every fault and restarts the draws, so a reset run hits the same calls again. */
  clear(): void {
    this.faults = [];
    this.prng = new Prng(this.seed);
  }

  pending(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }
}

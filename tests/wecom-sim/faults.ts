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
  times?: number;
  /** Process the call (a write happens) and only then answer with the fault or drop. */
  afterProcessing?: boolean;
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number;
}

/** Armed faults, consumed in the order they were armed, each `times` times. */
export class FaultQueue {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: this.nextId, remaining: spec.times ?? 1 };
    this.nextId += 1;
    this.faults.push(fault);
    return fault;
  }

  /** The fault that applies to this call, if any (one use of it is consumed). */
  take(api: string): Fault | undefined {
    const fault = this.faults.find((f) => f.api === api || f.api === '*');
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  pending(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }
}

/** What tests assert about traffic: calls per API, gettoken calls, concurrency, rate-limited answers. */
export class Counters {
  private calls = new Map<string, number>();
  private gettoken = 0;
  private inFlight = 0;
  private maxConcurrency = 0;
  private rateLimited = 0;

  /** A /cgi-bin call arrived; call the returned function once when its connection is done. */
  begin(api: string): () => void {
    this.calls.set(api, (this.calls.get(api) ?? 0) + 1);
    if (api === 'gettoken') this.gettoken += 1;
    this.inFlight += 1;
    this.maxConcurrency = Math.max(this.maxConcurrency, this.inFlight);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
    };
  }

  countRateLimited(): void {
    this.rateLimited += 1;
  }

  /** Calls still in flight stay counted in inFlight (they will end and decrement). */
  reset(): void {
    this.calls = new Map();
    this.gettoken = 0;
    this.maxConcurrency = this.inFlight;
    this.rateLimited = 0;
  }

  snapshot(): {
    calls: Record<string, number>;
    gettoken: number;
    maxConcurrency: number;
    inFlight: number;
    rateLimited: number;
  } {
    return {
      calls: Object.fromEntries(this.calls),
      gettoken: this.gettoken,
      maxConcurrency: this.maxConcurrency,
      inFlight: this.inFlight,
      rateLimited: this.rateLimited,
    };
  }
}

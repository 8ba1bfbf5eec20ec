/**
 * Cursor paging as an Observable of pages, with the loop guards of docs/architecture.md "WeCom gateway": a cursor that was already used, or
 * more pages than the bound, ends the stream with a `WeComPagingError` instead of looping forever.
 * Pages are fetched one after another (each needs the previous cursor); unsubscribing stops the loop and
 * aborts the request in flight.
 */
import { Observable } from 'rxjs';
import { WeComPagingError } from './errors.js';

export interface PagingSpec<P> {
  api: string;
  /** The cursor of the first request. */
  firstKey: string;
  maxPages: number;
  fetchPage: (key: string, signal: AbortSignal) => Promise<P>;
  /** The cursor of the next page, or null when `page` is the last. */
  nextKey: (page: P) => string | null;
}

export function paginate<P>(spec: PagingSpec<P>): Observable<P> {
  return new Observable<P>((subscriber) => {
    const controller = new AbortController();
    const run = async () => {
      const used = new Set<string>();
      let key: string | null = spec.firstKey;
      let pages = 0;
      while (key !== null) {
        if (used.has(key)) throw new WeComPagingError(spec.api, 'repeated-key', pages, key);
        if (pages >= spec.maxPages) throw new WeComPagingError(spec.api, 'max-pages', spec.maxPages);
        used.add(key);
        const page: P = await spec.fetchPage(key, controller.signal);
        if (controller.signal.aborted) return;
        pages += 1;
        subscriber.next(page);
        if (subscriber.closed) return;
        key = spec.nextKey(page);
      }
      subscriber.complete();
    };
    run().catch((error: unknown) => {
      if (!controller.signal.aborted) subscriber.error(error);
    });
    return () => controller.abort(new Error('unsubscribed'));
  });
}

import { signal } from '@angular/core';
import { describeError } from './error-text.js';
import { RpcError } from './rpc-client.js';

/** One Chinese line for any failure: the host's message when it answered, `fallback` otherwise. */
export function failureText(error: unknown, fallback = '操作失败，请稍后重试。'): string {
  return error instanceof RpcError ? describeError(error.body) : fallback;
}

/**
 * The load / loading / error scaffolding of a page that reads its data from the host, for
 * `wl-page-state` (sdk/ui/page-state.ts): `loading` is true from the start until the first read ends,
 * `error` holds the reason of the last failed read.
 *
 *   protected readonly page = new PageLoad('无法读取企业列表。');
 *   load(quiet = false) { return this.page.run(async () => this.rows.set(await this.rpc.call(...)), quiet); }
 */
export class PageLoad {
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);

  /** `fallback` is the message of a failure the host did not explain (the connection broke). */
  constructor(private readonly fallback: string) {}

  /** Runs `read`; `quiet` keeps what is on screen (no loading state), e.g. for a refresh after an event. */
  async run(read: () => Promise<void>, quiet = false): Promise<void> {
    if (!quiet) this.loading.set(true);
    this.error.set(null);
    try {
      await read();
    } catch (error) {
      this.error.set(failureText(error, this.fallback));
    } finally {
      this.loading.set(false);
    }
  }
}

/**
 * A request a form asks for on demand (a lookup, a code to fetch): `busy` while it runs, then its
 * `answer`, or the reason it failed in `error` (the last answer is dropped then). A second submit while
 * one runs is ignored.
 *
 *   protected readonly lookup = new Lookup<ShareInfoAnswer>();
 *   submit() { return this.lookup.run(() => this.rpc.call(...)); }
 */
export class Lookup<T> {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly answer = signal<T | null>(null);

  async run(request: () => Promise<T>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.answer.set(await request());
    } catch (error) {
      this.answer.set(null);
      this.error.set(failureText(error));
    } finally {
      this.busy.set(false);
    }
  }
}

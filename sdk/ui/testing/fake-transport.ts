import type { AnyChannel, ChannelInput, ChannelOutput } from '../../contracts/channel.js';
import type { RpcErrorBody } from '../../contracts/errors.js';
import type { RpcResult } from '../../contracts/rpc.js';
import type { RpcTransport } from '../rpc-transport.js';
import { FakeBrowserFiles } from './fake-browser-files.js';

type Answer = unknown | ((input: unknown) => unknown);

const nameOf = (channel: AnyChannel | string): string =>
  typeof channel === 'string' ? channel : channel.name;

/** Thrown by a handler to answer `{ ok: false, error }`. */
export class FakeRpcFailure {
  constructor(readonly error: RpcErrorBody) {}
}

/**
 * A transport for specs: answers channels from a table, records every call, and pushes events to the
 * subscribed client. Use with `TestBed.inject(RpcClient).use(fake)`. Files travel as in Electron (the
 * `files.pickOpen` / `files.saveAs` channels) unless `withBrowserFiles()` makes it browser mode.
 */
export class FakeTransport implements RpcTransport {
  readonly calls: { channel: string; input: unknown; session: string | null }[] = [];
  files: FakeBrowserFiles | undefined = undefined;
  private readonly answers = new Map<string, Answer>();
  private listener: ((type: string, payload: unknown) => void) | null = null;

  /**
   * A value, or a function of the input that returns one, may throw a FakeRpcFailure, or may be async.
   * For a declared channel the answer is typed from its declaration.
   */
  answer<C extends AnyChannel>(
    channel: C,
    answer: ChannelOutput<C> | ((input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>),
  ): this;
  answer(channel: string, answer: Answer): this;
  answer(channel: AnyChannel | string, answer: Answer): this {
    this.answers.set(nameOf(channel), answer);
    return this;
  }

  /** Browser mode: `/upload` and `/download` instead of native dialogs; answers the fake routes. */
  withBrowserFiles(): FakeBrowserFiles {
    this.files = new FakeBrowserFiles();
    return this.files;
  }

  fail(channel: AnyChannel | string, error: RpcErrorBody): this {
    return this.answer(nameOf(channel), () => {
      throw new FakeRpcFailure(error);
    });
  }

  async invoke(channel: string, input: unknown, session: string | null): Promise<RpcResult> {
    this.calls.push({ channel, input, session });
    if (!this.answers.has(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `未模拟的通道 ${channel}` } };
    }
    const answer = this.answers.get(channel);
    try {
      const data: unknown =
        typeof answer === 'function' ? await (answer as (input: unknown) => unknown)(input) : answer;
      return { ok: true, data };
    } catch (error) {
      if (error instanceof FakeRpcFailure) return { ok: false, error: error.error };
      throw error;
    }
  }

  subscribe(_session: string, onEvent: (type: string, payload: unknown) => void): Promise<() => void> {
    this.listener = onEvent;
    return Promise.resolve(() => {
      if (this.listener === onEvent) this.listener = null;
    });
  }

  /** Pushes a host event; needs a session on the client (events flow only while signed in). */
  emit(type: string, payload: unknown): void {
    this.listener?.(type, payload);
  }

  callsTo(channel: AnyChannel | string): unknown[] {
    const name = nameOf(channel);
    return this.calls.filter((call) => call.channel === name).map((call) => call.input);
  }
}

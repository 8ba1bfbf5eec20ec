import { Injectable, signal } from '@angular/core';
import { Subject, type Observable } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import type { AnyChannel, ChannelCaller, ChannelOutput, InputArgs } from '../contracts/channel.js';
import type { RpcErrorBody } from '../contracts/errors.js';
import type { RpcResult } from '../contracts/rpc.js';
import type { BrowserFileRoutes } from './file-routes.js';
import type { RpcTransport } from './rpc-transport.js';
import { AUTH_LOGIN } from '../contracts/auth-channels.js';

/** A failed call, carrying the host's envelope error (code, Chinese message, details). */
export class RpcError extends Error {
  constructor(readonly body: RpcErrorBody) {
    super(body.message);
    this.name = 'RpcError';
  }
  get code(): RpcErrorBody['code'] {
    return this.body.code;
  }
}

const SESSION_KEY = 'wecom-live.session';

/**
 * The one way the UI talks to the host: `call(channel, input)` resolves with the data or rejects with
 * an RpcError. It holds the login session and forwards host events; the transport is chosen at start.
 */
@Injectable({ providedIn: 'root' })
export class RpcClient implements ChannelCaller {
  readonly session = signal<string | null>(null);
  private transport: RpcTransport | null = null;
  private readonly events$ = new Subject<{ type: string; payload: unknown }>();
  private unsubscribe: (() => void) | null = null;
  /** Every error answer passes here, so app-wide handlers (the trusted-IP dialog) can react. */
  readonly errors$ = new Subject<RpcErrorBody>();

  use(transport: RpcTransport): void {
    this.transport = transport;
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved !== null) this.setSession(saved);
  }

  /** Calls a declared channel: the input and the answer are typed from its declaration. */
  call<C extends AnyChannel>(channel: C, ...input: InputArgs<C>): Promise<ChannelOutput<C>>;
  async call(target: AnyChannel, input: unknown = {}): Promise<unknown> {
    const channel = target.name;
    if (this.transport === null) throw new RpcError({ code: 'INTERNAL', message: '界面尚未连接到主程序。' });
    const result: RpcResult = await this.transport.invoke(channel, input, this.session());
    if (result.ok) return result.data;
    this.errors$.next(result.error);
    // The session has ended (expired, logged out elsewhere) — unlike a wrong password, which names its field.
    const sessionEnded =
      result.error.code === 'UNAUTHENTICATED' && result.error.details?.['field'] === undefined;
    if (sessionEnded && this.session() !== null && channel !== AUTH_LOGIN.name) {
      this.setSession(null);
    }
    throw new RpcError(result.error);
  }

  /** Browser mode's upload/download routes, or null where the host opens native dialogs (Electron). */
  browserFiles(): BrowserFileRoutes | null {
    return this.transport?.files ?? null;
  }

  setSession(session: string | null): void {
    this.session.set(session);
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (session === null) sessionStorage.removeItem(SESSION_KEY);
    else {
      sessionStorage.setItem(SESSION_KEY, session);
      void this.transport
        ?.subscribe(session, (type, payload) => this.events$.next({ type, payload }))
        .then((stop) => (this.unsubscribe = stop));
    }
  }

  on<T>(type: string): Observable<T> {
    return this.events$.pipe(
      filter((event) => event.type === type),
      map((event) => event.payload as T),
    );
  }
}

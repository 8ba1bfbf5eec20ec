/**
 * One HTTP exchange with WeCom over `node:http`/`node:https` with a keep-alive agent per client (a fetch
 * given in the options, as specs do, is used instead). It knows nothing of tokens, retries or limits: it
 * sends, applies the timeout, and turns every transport failure into a `WeComTransportError` that says
 * whether WeCom can have processed the request. Not the global fetch: per exchange it cost about twice
 * the CPU of a plain request (web streams, abort signals, header objects), and a member sync makes
 * hundreds of exchanges (docs/architecture.md, member sync).
 */
import http from 'node:http';
import https from 'node:https';
import { WeComProtocolError, WeComTransportError, type TransportFailure } from './errors.js';

export const DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface HttpRequest {
  /** The path under /cgi-bin/, e.g. `living/get_watch_stat`; also the name used in logs and errors. */
  api: string;
  method: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

export interface HttpClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  /** Replaceable for tests; by default requests go through `node:http`/`node:https`. */
  fetch?: typeof fetch;
}

/**
 * Idle connections are closed after this long, before a server's own keep-alive timeout would close
 * them under a request (undici's default, which the global fetch used).
 */
const IDLE_SOCKET_MS = 4_000;

/** Codes (on the error or its cause chain) meaning the connection was never made. */
const NOT_CONNECTED: Record<string, TransportFailure> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EHOSTUNREACH: 'refused',
  ENETUNREACH: 'refused',
  UND_ERR_CONNECT_TIMEOUT: 'connect-timeout',
};

function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const codes: string[] = [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  codes.push(...errorCodes(cause, depth + 1));
  // Happy-eyeballs connects raise an AggregateError with one error per address tried.
  if (Array.isArray(errors)) for (const inner of errors) codes.push(...errorCodes(inner, depth + 1));
  return codes;
}

export function classifyFetchFailure(error: unknown, timedOut: boolean): TransportFailure {
  const codes = errorCodes(error);
  // A refusal only counts when no code says a connection was made and then lost.
  const failures = codes.map((code) => NOT_CONNECTED[code]).filter((f) => f !== undefined);
  if (failures.length > 0 && failures.length === codes.length) return failures[0] as TransportFailure;
  if (timedOut) return 'timeout';
  return 'network';
}

export class HttpClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch | undefined;
  private agents: { http: http.Agent; https: https.Agent } | null = null;

  constructor(options: HttpClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchFn = options.fetch;
  }

  url(request: Pick<HttpRequest, 'api' | 'query'>): URL {
    const url = new URL(`${this.baseUrl}/cgi-bin/${request.api}`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  /** Sends the request and returns the parsed JSON body (an object; errcode is checked by the caller). */
  async send(request: HttpRequest): Promise<Record<string, unknown>> {
    const { status, text } =
      this.fetchFn === undefined
        ? await this.exchange(request)
        : await this.fetchExchange(request, this.fetchFn);
    if (status < 200 || status >= 300) throw new WeComTransportError(request.api, 'http', status);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new WeComProtocolError(request.api, 'response is not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new WeComProtocolError(request.api, 'response is not a JSON object');
    }
    return body as Record<string, unknown>;
  }

  /** One exchange through `node:http`/`node:https`: the status and the body as text. */
  private async exchange(request: HttpRequest): Promise<{ status: number; text: string }> {
    const url = this.url(request);
    const headers: Record<string, string | number> = {};
    let payload: Buffer | undefined;
    if (request.form) {
      // FormData's multipart encoding, boundary and all, as fetch would send it.
      const encoded = new Response(request.form);
      payload = Buffer.from(await encoded.arrayBuffer());
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
    } else if (request.json !== undefined) {
      payload = Buffer.from(JSON.stringify(request.json), 'utf8');
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    if (payload !== undefined) headers['content-length'] = payload.length;
    const signal = request.signal;
    if (signal?.aborted) throw signal.reason;
    const agents = (this.agents ??= {
      http: new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
      https: new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    });
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      let connected = false;
      let timedOut = false;
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const fail = (error: unknown): void =>
        finish(() => {
          // The caller's own cancellation is not a transport failure: let it through as it is.
          if (signal?.aborted) reject(signal.reason);
          else if (timedOut)
            reject(new WeComTransportError(request.api, connected ? 'timeout' : 'connect-timeout'));
          else reject(new WeComTransportError(request.api, classifyFetchFailure(error, false)));
        });
      const req = (secure ? https : http).request(
        url,
        { method: request.method, headers, agent: secure ? agents.https : agents.http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            finish(() =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            ),
          );
          res.on('error', fail);
          // After 'end' this changes nothing; before it, the connection dropped mid-answer.
          res.on('close', () => fail(new Error('connection closed before the answer ended')));
        },
      );
      const onAbort = (): void => {
        req.destroy();
        fail(signal?.reason);
      };
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy();
        fail(new Error('timeout'));
      }, this.timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('socket', (socket) => {
        // A reused keep-alive socket is connected already; a new one says so once it is.
        if (!socket.connecting) connected = true;
        else socket.once('connect', () => (connected = true));
      });
      req.on('error', fail);
      req.end(payload);
    });
  }

  /** One exchange through the fetch given in the options (specs). */
  private async fetchExchange(
    request: HttpRequest,
    fetchFn: typeof fetch,
  ): Promise<{ status: number; text: string }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const init: RequestInit = { method: request.method, signal };
    if (request.form) init.body = request.form;
    else if (request.json !== undefined) {
      init.body = JSON.stringify(request.json);
      init.headers = { 'content-type': 'application/json; charset=utf-8' };
    }

    try {
      const response = await fetchFn(this.url(request), init);
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // The caller's own cancellation is not a transport failure: let it through as it is.
      if (request.signal?.aborted) throw request.signal.reason;
      throw new WeComTransportError(request.api, classifyFetchFailure(error, timeout.aborted));
    }
  }
}

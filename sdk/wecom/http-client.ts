/**
 * One HTTP exchange with WeCom over Node's built-in fetch (undici, which keeps connections alive on its
 * own). It knows nothing of tokens, retries or limits: it sends, applies the timeout, and turns every
 * transport failure into a `WeComTransportError` that says whether WeCom can have processed the request.
 */
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
  /** Replaceable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

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
  private readonly fetchFn: typeof fetch;

  constructor(options: HttpClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchFn = options.fetch ?? fetch;
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
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const init: RequestInit = { method: request.method, signal };
    if (request.form) init.body = request.form;
    else if (request.json !== undefined) {
      init.body = JSON.stringify(request.json);
      init.headers = { 'content-type': 'application/json; charset=utf-8' };
    }

    let text: string;
    let status: number;
    try {
      const response = await this.fetchFn(this.url(request), init);
      status = response.status;
      text = await response.text();
    } catch (error) {
      // The caller's own cancellation is not a transport failure: let it through as it is.
      if (request.signal?.aborted) throw request.signal.reason;
      throw new WeComTransportError(request.api, classifyFetchFailure(error, timeout.aborted));
    }
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
}

/**
 * The call pipeline every WeCom request of one corp app goes through: a valid token (token-manager.ts),
 * the limits (rate-limiter.ts), the HTTP exchange (http-client.ts), errcode handling per the table of docs/architecture.md "WeCom gateway"
 * (token errors: drop, refresh once, retry once; 60020: the IP hook), bounded retries (retry.ts), response
 * validation (models.ts) and one log line per exchange with credentials removed (redact.ts).
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  isTokenErrcode,
  parseFromIp,
  WeComError,
  WeComProtocolError,
  WeComTransportError,
  type TransportFailure,
} from './errors.js';
import type { HttpClient, HttpRequest } from './http-client.js';
import { BaseResponse, TokenResponse } from './models.js';
import type { RateLimiter } from './rate-limiter.js';
import { redactUrl, scrubSecrets } from './redact.js';
import { withRetry, type CallKind, type RetryOptions } from './retry.js';
import { TokenManager, type TokenGrant } from './token-manager.js';

export interface IpNotAllowedInfo {
  ip: string;
  api: string;
  errmsg: string;
}

/**
 * What one HTTP exchange showed about the connection to WeCom, for the host's connection state: reached
 * and accepted (`ok`, `errcode` 0 or a business errcode), the IP refused (60020), the app's credentials
 * refused (gettoken answered an errcode), or WeCom not reached at all. Token expiry on a business call is
 * not reported: the caller refreshes the token and tries again.
 */
export type CallOutcome =
  | { kind: 'ok'; api: string; errcode: number }
  | { kind: 'ipNotAllowed'; api: string; ip: string | null }
  | { kind: 'tokenRefused'; api: string; errcode: number }
  | { kind: 'unreachable'; api: string; failure: TransportFailure };

export interface ApiCallerOptions {
  corpid: string;
  corpsecret: string;
  http: HttpClient;
  limiter: RateLimiter;
  retry: RetryOptions;
  logger: Logger;
  onIpNotAllowed: ((info: IpNotAllowedInfo) => void) | undefined;
  onCallOutcome?: ((outcome: CallOutcome) => void) | undefined;
  tokenMarginSeconds: number | undefined;
}

export interface CallSpec<S extends z.ZodType> extends Omit<HttpRequest, 'form'> {
  schema: S;
  kind: CallKind;
  /** message/send recipients, for the per-member limit. */
  recipients?: readonly string[];
  /** Built per attempt: a multipart body is consumed when sent. */
  form?: () => FormData;
}

export interface CallerStats {
  /** HTTP exchanges per API, gettoken included. */
  calls: Record<string, number>;
  /** Non-zero errcodes answered, per errcode (token errors that were then refreshed included). */
  errcodes: Record<string, number>;
  transportFailures: number;
  retries: number;
  tokenFetches: number;
  tokenRefreshRetries: number;
}

function describeIssues(error: z.ZodError): string {
  // Paths and problem kinds only: values could be personal data.
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

export class ApiCaller {
  readonly tokens: TokenManager;
  private readonly counters: CallerStats = {
    calls: {},
    errcodes: {},
    transportFailures: 0,
    retries: 0,
    tokenFetches: 0,
    tokenRefreshRetries: 0,
  };

  constructor(private readonly options: ApiCallerOptions) {
    this.tokens = new TokenManager({
      fetchToken: () => this.fetchToken(),
      ...(options.tokenMarginSeconds === undefined ? {} : { marginSeconds: options.tokenMarginSeconds }),
    });
  }

  async call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    return withRetry(
      async (attempt) => {
        let token = await this.tokens.get();
        let body = await this.exchange(spec, attempt, token);
        if (isTokenErrcode(spec.api, this.errcodeOf(body))) {
          // The request was refused before any processing, so even a write may go again.
          this.tokens.invalidate(token);
          this.counters.tokenRefreshRetries += 1;
          token = await this.tokens.get();
          body = await this.exchange(spec, attempt, token);
        }
        return this.accept(spec.api, spec.schema, body);
      },
      {
        kind: spec.kind,
        options: this.options.retry,
        ...(spec.signal ? { signal: spec.signal } : {}),
        onRetry: (error, retry, delayMs) => {
          this.counters.retries += 1;
          this.options.logger.warn(
            { api: spec.api, retry, delayMs, reason: this.reasonOf(error) },
            'wecom retry',
          );
        },
      },
    );
  }

  stats(): CallerStats {
    return {
      ...this.counters,
      calls: { ...this.counters.calls },
      errcodes: { ...this.counters.errcodes },
      tokenFetches: this.tokens.fetchCount,
    };
  }

  /** Secrets that must be scrubbed from anything WeCom sends back. */
  private secrets(): string[] {
    return [this.options.corpsecret, ...this.tokens.knownTokens()];
  }

  private async fetchToken(): Promise<TokenGrant> {
    const spec = {
      api: 'gettoken',
      method: 'GET' as const,
      query: { corpid: this.options.corpid, corpsecret: this.options.corpsecret },
      schema: TokenResponse,
      kind: 'read' as const,
    };
    const body = await withRetry(
      async (attempt) => this.accept(spec.api, spec.schema, await this.exchange(spec, attempt, undefined)),
      {
        kind: 'read',
        options: this.options.retry,
        onRetry: (error, retry, delayMs) => {
          this.counters.retries += 1;
          this.options.logger.warn(
            { api: spec.api, retry, delayMs, reason: this.reasonOf(error) },
            'wecom retry',
          );
        },
      },
    );
    return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
  }

  /** One HTTP exchange within the limits, logged without credentials. */
  private exchange(
    spec: CallSpec<z.ZodType>,
    attempt: number,
    token: string | undefined,
  ): Promise<Record<string, unknown>> {
    const { http, limiter, logger } = this.options;
    const query = token === undefined ? spec.query : { ...spec.query, access_token: token };
    const request: HttpRequest = { api: spec.api, method: spec.method };
    if (query) request.query = query;
    if (spec.json !== undefined) request.json = spec.json;
    if (spec.signal) request.signal = spec.signal;
    const path = redactUrl(http.url(request));
    return limiter.run(
      { api: spec.api, ...(spec.recipients ? { recipients: spec.recipients } : {}) },
      async () => {
        if (spec.form) request.form = spec.form();
        this.counters.calls[spec.api] = (this.counters.calls[spec.api] ?? 0) + 1;
        const started = performance.now();
        try {
          const body = await http.send(request);
          const errcode = this.errcodeOf(body);
          if (errcode !== 0) this.counters.errcodes[errcode] = (this.counters.errcodes[errcode] ?? 0) + 1;
          this.reportOutcome(spec.api, errcode, body);
          const durationMs = Math.round(performance.now() - started);
          logger.info(
            { api: spec.api, method: spec.method, path, errcode, durationMs, attempt },
            'wecom call',
          );
          return body;
        } catch (error) {
          const durationMs = Math.round(performance.now() - started);
          if (error instanceof WeComTransportError) {
            this.counters.transportFailures += 1;
            this.emitOutcome({ kind: 'unreachable', api: spec.api, failure: error.failure });
          }
          logger.warn(
            { api: spec.api, method: spec.method, path, durationMs, attempt, reason: this.reasonOf(error) },
            'wecom call failed',
          );
          throw error;
        }
      },
      spec.signal,
    );
  }

  private reportOutcome(api: string, errcode: number, body: Record<string, unknown>): void {
    if (errcode === 60020) {
      const errmsg = typeof body['errmsg'] === 'string' ? body['errmsg'] : '';
      this.emitOutcome({ kind: 'ipNotAllowed', api, ip: parseFromIp(errmsg) ?? null });
    } else if (api === 'gettoken' && errcode !== 0 && errcode !== -1) {
      this.emitOutcome({ kind: 'tokenRefused', api, errcode });
    } else if (errcode !== -1 && !isTokenErrcode(api, errcode)) {
      this.emitOutcome({ kind: 'ok', api, errcode });
    }
  }

  private emitOutcome(outcome: CallOutcome): void {
    try {
      this.options.onCallOutcome?.(outcome);
    } catch (hookError) {
      // The host's bookkeeping must never change a call's result.
      this.options.logger.error(
        { api: outcome.api, reason: this.reasonOf(hookError) },
        'onCallOutcome hook failed',
      );
    }
  }

  private errcodeOf(body: Record<string, unknown>): number {
    return typeof body['errcode'] === 'number' ? body['errcode'] : 0;
  }

  /** Checks errcode and shape; a non-zero errcode becomes a WeComError with a scrubbed errmsg. */
  private accept<S extends z.ZodType>(api: string, schema: S, body: Record<string, unknown>): z.output<S> {
    const base = BaseResponse.safeParse(body);
    if (!base.success) throw new WeComProtocolError(api, describeIssues(base.error));
    const { errcode } = base.data;
    if (errcode !== 0) {
      const error = new WeComError(api, errcode, scrubSecrets(base.data.errmsg, this.secrets()));
      if (errcode === 60020) this.reportIpNotAllowed(error);
      throw error;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new WeComProtocolError(api, describeIssues(parsed.error));
    return parsed.data;
  }

  private reportIpNotAllowed(error: WeComError): void {
    const { onIpNotAllowed, logger } = this.options;
    logger.warn({ api: error.api, ip: error.ip ?? null }, 'wecom ip not allowed');
    if (!onIpNotAllowed || error.ip === undefined) return;
    try {
      onIpNotAllowed({ ip: error.ip, api: error.api, errmsg: error.errmsg });
    } catch (hookError) {
      // The hook is the host's business; its failure must not hide the 60020 from the caller.
      logger.error({ api: error.api, reason: this.reasonOf(hookError) }, 'onIpNotAllowed hook failed');
    }
  }

  /** A short, credential-free description of an error for logs. */
  private reasonOf(error: unknown): string {
    if (error instanceof WeComError) return `errcode ${error.errcode}`;
    if (error instanceof WeComTransportError) {
      return error.status === undefined ? error.failure : `${error.failure} ${error.status}`;
    }
    if (error instanceof WeComProtocolError) return 'protocol';
    if (error instanceof Error) return scrubSecrets(error.name, this.secrets());
    return 'unknown';
  }
}

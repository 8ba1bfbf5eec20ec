/**
 * Bounded retries with exponential backoff and jitter (docs/architecture.md "WeCom gateway"). A read is repeated on a busy answer
 * (-1), an over-limit answer (45009, 45033) or any transport failure. A write is repeated only when WeCom
 * certainly did not process it: over-limit answers and connections that were never made. Everything else
 * (-1, timeouts, dropped connections) leaves a write ambiguous and is the caller's to resolve.
 */
import { WeComError, WeComTransportError } from './errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = { maxAttempts: 4, baseDelayMs: 300, maxDelayMs: 8_000 };

export type CallKind = 'read' | 'write';

const BUSY = -1;
const OVER_LIMIT = new Set([45009, 45033]);

export function isRetryable(error: unknown, kind: CallKind): boolean {
  if (error instanceof WeComError) {
    if (OVER_LIMIT.has(error.errcode)) return true;
    return kind === 'read' && error.errcode === BUSY;
  }
  if (error instanceof WeComTransportError) {
    if (error.notProcessed) return true;
    if (kind === 'write') return false;
    // A 4xx from a proxy will not change on a second try.
    return error.failure !== 'http' || (error.status ?? 500) >= 500 || error.status === 429;
  }
  return false;
}

/**
 * A write that failed this way may or may not have been carried out by WeCom: -1 (busy, possibly after
 * processing), a timeout, a dropped connection, a 5xx.
 */
export function isAmbiguousWriteFailure(error: unknown): boolean {
  if (error instanceof WeComError) return error.errcode === BUSY;
  if (error instanceof WeComTransportError) return !error.notProcessed;
  return false;
}

/** Delay before retry number `retry` (1 for the first retry): exponential, capped, "equal jitter". */
export function backoffDelayMs(
  retry: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryContext {
  kind: CallKind;
  options: RetryOptions;
  signal?: AbortSignal;
  /** Told of each retry before its delay (for logs and stats). */
  onRetry?: (error: unknown, retry: number, delayMs: number) => void;
  random?: () => number;
}

export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  context: RetryContext,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (attemptNumber >= context.options.maxAttempts || !isRetryable(error, context.kind)) throw error;
      const delayMs = backoffDelayMs(attemptNumber, context.options, context.random);
      context.onRetry?.(error, attemptNumber, delayMs);
      await sleep(delayMs, context.signal);
    }
  }
}

import { WeComError, WeComTransportError } from './errors.js';
import { backoffDelayMs, isAmbiguousWriteFailure, isRetryable, withRetry } from './retry.js';

const busy = new WeComError('x', -1, 'system busy');
const overLimit = new WeComError('x', 45009, 'api freq out of limit');
const concurrent = new WeComError('x', 45033, 'api concurrent out of limit');
const noPrivilege = new WeComError('x', 60011, 'no privilege');
const refused = new WeComTransportError('x', 'refused');
const timeout = new WeComTransportError('x', 'timeout');
const dropped = new WeComTransportError('x', 'network');

describe('retry policy', () => {
  it('retries reads on busy, over-limit and transport failures', () => {
    for (const error of [busy, overLimit, concurrent, refused, timeout, dropped]) {
      expect(isRetryable(error, 'read')).withContext(error.message).toBeTrue();
    }
    expect(isRetryable(noPrivilege, 'read')).toBeFalse();
    expect(isRetryable(new WeComTransportError('x', 'http', 404), 'read')).toBeFalse();
    expect(isRetryable(new WeComTransportError('x', 'http', 502), 'read')).toBeTrue();
  });

  it('retries writes only when WeCom certainly did not process them', () => {
    expect(isRetryable(overLimit, 'write')).toBeTrue();
    expect(isRetryable(concurrent, 'write')).toBeTrue();
    expect(isRetryable(refused, 'write')).toBeTrue();
    expect(isRetryable(busy, 'write')).toBeFalse();
    expect(isRetryable(timeout, 'write')).toBeFalse();
    expect(isRetryable(dropped, 'write')).toBeFalse();
    expect([busy, timeout, dropped].every(isAmbiguousWriteFailure)).toBeTrue();
    expect([refused, overLimit, noPrivilege].some(isAmbiguousWriteFailure)).toBeFalse();
  });

  it('backs off exponentially with jitter, capped', () => {
    const options = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(1, options, () => 0)).toBe(50);
    expect(backoffDelayMs(1, options, () => 1)).toBe(100);
    expect(backoffDelayMs(3, options, () => 1)).toBe(400);
    expect(backoffDelayMs(9, options, () => 1)).toBe(1000);
    expect(backoffDelayMs(9, options, () => 0)).toBe(500);
  });

  it('stops after maxAttempts and rethrows the last error', async () => {
    let attempts = 0;
    const run = withRetry(
      () => {
        attempts += 1;
        return Promise.reject(busy);
      },
      { kind: 'read', options: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } },
    );
    await expectAsync(run).toBeRejectedWith(busy);
    expect(attempts).toBe(3);
  });

  it('does not retry what is not retryable', async () => {
    let attempts = 0;
    const run = withRetry(
      () => {
        attempts += 1;
        return Promise.reject(noPrivilege);
      },
      { kind: 'read', options: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 2 } },
    );
    await expectAsync(run).toBeRejectedWith(noPrivilege);
    expect(attempts).toBe(1);
  });
});

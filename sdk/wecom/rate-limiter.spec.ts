import { RateLimiter } from './rate-limiter.js';
import { SlidingWindow, WindowGate } from './sliding-window.js';

describe('SlidingWindow', () => {
  it('counts sends inside the window and reservations not yet sent', () => {
    const window = new SlidingWindow(2, 1000);
    window.reserve();
    expect(window.used(0)).toBe(1);
    window.commit(0);
    window.reserve();
    window.commit(500);
    expect(window.hasRoom(999)).toBeFalse();
    expect(window.freeAt(999)).toBe(1000);
    expect(window.hasRoom(1000)).toBeTrue();
    expect(window.used(1500)).toBe(0);
  });

  it('has no known free time while only unsent reservations fill it', () => {
    const window = new SlidingWindow(1, 1000);
    window.reserve();
    expect(window.freeAt(0)).toBe(Infinity);
    window.release();
    expect(window.freeAt(0)).toBe(0);
  });
});

describe('WindowGate', () => {
  it('never lets more than the limit start in any window, with sends delayed after the grant', async () => {
    let now = 0;
    const gate = new WindowGate(() => now);
    const window = gate.window('w', { limit: 3, windowMs: 1000 });
    const granted = await Promise.all([1, 2, 3].map(() => gate.acquire([window])));
    // Reserved at 0, sent late at 900: the window must count them from their send time.
    now = 900;
    for (const reservation of granted) reservation.commit();
    now = 1200;
    let fourth = false;
    const waiting = gate.acquire([window]).then(() => (fourth = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fourth).toBeFalse();
    gate.rejectAll(new Error('done'));
    await expectAsync(waiting).toBeRejectedWithError('done');
  });

  it('does not hold up a caller whose windows have room behind one that waits', async () => {
    const gate = new WindowGate();
    const full = gate.window('full', { limit: 1, windowMs: 60_000 });
    const free = gate.window('free', { limit: 10, windowMs: 60_000 });
    (await gate.acquire([full])).commit();
    const blocked = gate.acquire([full]).then(() => 'blocked');
    const other = await gate.acquire([free]);
    other.commit();
    expect(gate.waiting).toBe(1);
    gate.rejectAll(new Error('closing'));
    await expectAsync(blocked).toBeRejectedWithError('closing');
  });

  it('frees the slot of a reservation that is released unsent', async () => {
    const gate = new WindowGate();
    const window = gate.window('w', { limit: 1, windowMs: 60_000 });
    const first = await gate.acquire([window]);
    const second = gate.acquire([window]);
    first.release();
    await expectAsync(second).toBeResolved();
  });

  it('lets a waiter through when its window slides', async () => {
    const gate = new WindowGate();
    const window = gate.window('w', { limit: 1, windowMs: 30 });
    (await gate.acquire([window])).commit();
    const started = Date.now();
    (await gate.acquire([window])).commit();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('removes an aborted waiter', async () => {
    const gate = new WindowGate();
    const window = gate.window('w', { limit: 1, windowMs: 60_000 });
    (await gate.acquire([window])).commit();
    const controller = new AbortController();
    const waiting = gate.acquire([window], controller.signal);
    controller.abort(new Error('stop'));
    await expectAsync(waiting).toBeRejectedWithError('stop');
    expect(gate.waiting).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('caps concurrency', async () => {
    const limiter = new RateLimiter({ concurrency: 3 }, { ipGate: new WindowGate() });
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 20 }, () => limiter.run({ api: 'a' }, task)));
    expect(peak).toBe(3);
    expect(limiter.stats().maxInFlight).toBe(3);
  });

  it('holds calls beyond the per-API limit and rejects them on close', async () => {
    const limiter = new RateLimiter({ perApiPerMinute: 5 }, { ipGate: new WindowGate() });
    let sent = 0;
    const calls = Array.from({ length: 8 }, () =>
      limiter.run({ api: 'a' }, () => {
        sent += 1;
        return Promise.resolve(sent);
      }),
    );
    // Another API is not affected.
    await limiter.run({ api: 'b' }, () => Promise.resolve());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBe(5);
    limiter.close(new Error('closed'));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'rejected').length).toBe(3);
  });

  it('limits messages per recipient', async () => {
    const limiter = new RateLimiter({ messagesPerMemberPerMinute: 2 }, { ipGate: new WindowGate() });
    let sent = 0;
    const send = () => Promise.resolve((sent += 1));
    await limiter.run({ api: 'message/send', recipients: ['Ann', 'bob'] }, send);
    await limiter.run({ api: 'message/send', recipients: ['ann'] }, send);
    const third = limiter.run({ api: 'message/send', recipients: ['ANN'] }, send);
    await limiter.run({ api: 'message/send', recipients: ['carl'] }, send);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toBe(3);
    limiter.close(new Error('closed'));
    await expectAsync(third).toBeRejected();
  });
});

import { Subject } from 'rxjs';
import type { BusEvent } from '../runtime/core/event-bus.js';
import { EventForwarder } from './event-forwarder.js';
import { SessionBinding } from './session-binding.js';

describe('EventForwarder', () => {
  let events: Subject<BusEvent>;
  let binding: SessionBinding;
  let sent: string[];
  let active: Set<string>;
  let warnings: string[];
  let forwarder: EventForwarder;

  beforeEach(() => {
    events = new Subject<BusEvent>();
    binding = new SessionBinding();
    const user = (userid: string, tier: 'user' | 'wecom-admin' | 'root-admin') => ({
      userid,
      username: userid,
      tier,
    });
    binding.bind(1, { token: 't1', sessionId: 's1', user: user('alice', 'user'), corpId: 'corp-a' });
    binding.bind(2, { token: 't2', sessionId: 's2', user: user('bob', 'user'), corpId: 'corp-a' });
    binding.bind(3, { token: 't3', sessionId: 's3', user: user('root-admin', 'root-admin'), corpId: null });
    // Another corp's alice and the first corp's admin.
    binding.bind(4, { token: 't4', sessionId: 's4', user: user('alice', 'user'), corpId: 'corp-b' });
    binding.bind(5, { token: 't5', sessionId: 's5', user: user('admin', 'wecom-admin'), corpId: 'corp-a' });
    sent = [];
    active = new Set(['s1', 's2', 's3', 's4', 's5']);
    warnings = [];
    forwarder = new EventForwarder({
      events,
      binding,
      send: (windowId, type, payload) => sent.push(`${windowId}:${type}:${JSON.stringify(payload)}`),
      isActive: (sessionId) => Promise.resolve(active.has(sessionId)),
      log: { warn: (...args: unknown[]) => void warnings.push(String(args[args.length - 1])) } as never,
      livenessMs: 60_000,
    });
    forwarder.start();
  });

  afterEach(() => forwarder.stop());

  it("sends an account's event to that account's window and its corp's admin only", () => {
    events.next({
      type: 'job.done',
      payload: { jobId: 'j' },
      audience: { kind: 'user', userid: 'alice', corpId: 'corp-a' },
    });
    expect(sent).toEqual(['1:job.done:{"jobId":"j"}', '5:job.done:{"jobId":"j"}']);
  });

  it("sends root-admin's own events to root only, not to a corp member of the same userid", () => {
    binding.bind(4, {
      token: 't4',
      sessionId: 's4',
      user: { userid: 'root-admin', username: 'x', tier: 'user' },
      corpId: 'corp-b',
    });
    events.next({
      type: 'job.done',
      payload: 1,
      audience: { kind: 'user', userid: 'root-admin', corpId: null },
    });
    expect(sent).toEqual(['3:job.done:1']);
  });

  it('sends admin events to admins and public events to every logged-in window', () => {
    events.next({ type: 'wecom.ipNotAllowed', payload: null, audience: { kind: 'admins' } });
    events.next({ type: 'corp.note', payload: null, audience: { kind: 'admins', corpId: 'corp-b' } });
    events.next({ type: 'plugins.changed', payload: {}, audience: { kind: 'all' } });
    expect(sent).toEqual([
      '3:wecom.ipNotAllowed:null',
      '5:wecom.ipNotAllowed:null',
      '1:plugins.changed:{}',
      '2:plugins.changed:{}',
      '3:plugins.changed:{}',
      '4:plugins.changed:{}',
      '5:plugins.changed:{}',
    ]);
  });

  it('sends nothing to windows without a session', () => {
    binding.clear(1);
    binding.clear(2);
    binding.clear(3);
    binding.clear(4);
    binding.clear(5);
    events.next({ type: 'plugins.changed', payload: {}, audience: { kind: 'all' } });
    expect(sent).toEqual([]);
  });

  it('sends what JSON carries (as the SSE stream does) and drops what it cannot', () => {
    events.next({
      type: 'demo.x',
      payload: { at: new Date(0), skip: undefined },
      audience: { kind: 'admins' },
    });
    events.next({ type: 'demo.y', payload: { big: 1n }, audience: { kind: 'admins' } });
    expect(sent).toEqual([
      '3:demo.x:{"at":"1970-01-01T00:00:00.000Z"}',
      '5:demo.x:{"at":"1970-01-01T00:00:00.000Z"}',
    ]);
    expect(warnings.length).toBe(1);
  });

  it('keeps going when one window cannot receive', () => {
    const failing = new EventForwarder({
      events,
      binding,
      send: (windowId) => {
        if (windowId === 1) throw new Error('destroyed');
        sent.push(String(windowId));
      },
      isActive: () => Promise.resolve(true),
      log: { warn: () => undefined } as never,
    });
    failing.start();
    events.next({ type: 'demo.z', payload: 1, audience: { kind: 'all' } });
    failing.stop();
    expect(sent).toContain('2');
    expect(sent).toContain('3');
  });

  it('unbinds windows whose session has ended, and stops when the bus completes', async () => {
    active.delete('s2');
    await forwarder.sweep();
    expect(binding.get(2)).toBeNull();
    expect(binding.get(1)).not.toBeNull();
    events.complete();
    events = new Subject<BusEvent>();
    expect(sent).toEqual([]);
  });
});

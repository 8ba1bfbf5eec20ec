import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Subject } from 'rxjs';
import { EventForwarder } from '../../electron/event-forwarder.js';
import { SessionBinding } from '../../electron/session-binding.js';
import { EventStreams } from '../../serve/event-streams.js';
import { isClientEvent } from './client-events.js';
import type { BusEvent } from '../core/event-bus.js';

const ADMIN = { userid: 'admin', username: '管理员', tier: 'wecom-admin' as const };

/** Host events, plugin events and names outside the contract, all visible to an admin. */
const PUBLISHED: BusEvent[] = [
  { type: 'job.progress', payload: { jobId: 'j' }, audience: { kind: 'user', userid: 'admin' } },
  { type: 'job.done', payload: { jobId: 'j' }, audience: { kind: 'user', userid: 'admin' } },
  { type: 'job.failed', payload: { jobId: 'k' }, audience: { kind: 'admins' } },
  { type: 'plugins.changed', payload: { plugins: [] }, audience: { kind: 'all' } },
  { type: 'wecom.ipNotAllowed', payload: { ip: '1.2.3.4' }, audience: { kind: 'admins' } },
  { type: 'live-list.synced', payload: { n: 1 }, audience: { kind: 'all' } },
  { type: 'notes.saved', payload: null, audience: { kind: 'all' } },
  { type: 'corps.deleted', payload: {}, audience: { kind: 'all' } },
  { type: 'plugins.internal', payload: {}, audience: { kind: 'all' } },
  { type: 'nodot', payload: {}, audience: { kind: 'all' } },
  { type: 'notes.bad\ntype', payload: {}, audience: { kind: 'all' } },
];
const CONTRACT = [
  'job.progress',
  'job.done',
  'job.failed',
  'plugins.changed',
  'wecom.ipNotAllowed',
  'live-list.synced',
  'notes.saved',
];

/** What Electron's forwarder delivers to an admin's window. */
function electronDelivers(): string[] {
  const events = new Subject<BusEvent>();
  const binding = new SessionBinding();
  binding.bind(1, { token: 't', sessionId: 's', user: ADMIN, corpId: null });
  const sent: string[] = [];
  const forwarder = new EventForwarder({
    events,
    binding,
    send: (_window, type) => sent.push(type),
    isActive: () => Promise.resolve(true),
    log: pino({ enabled: false }),
    livenessMs: 60_000,
  });
  forwarder.start();
  PUBLISHED.forEach((event) => events.next(event));
  forwarder.stop();
  return sent;
}

/** What browser mode's SSE stream sends an admin, read over HTTP as EventSource would. */
async function browserDelivers(): Promise<string[]> {
  const events = new Subject<BusEvent>();
  const streams = new EventStreams({
    events,
    isActive: () => Promise.resolve(true),
    log: pino({ enabled: false }),
  });
  const server: Server = createServer((_req, res) =>
    streams.open(res, { sessionId: 's', user: ADMIN, corpId: null }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      request(`http://127.0.0.1:${port}/`, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.includes(': connected')) {
            PUBLISHED.forEach((event) => events.next(event));
            events.next({ type: 'notes.end', payload: null, audience: { kind: 'all' } });
          }
          if (body.includes('"type":"notes.end"')) {
            res.destroy();
            resolve(body);
          }
        });
      })
        .on('error', reject)
        .end();
    });
    return text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => (JSON.parse(line.slice(6)) as { type: string }).type)
      .filter((type) => type !== 'notes.end');
  } finally {
    streams.closeAll();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the client event contract', () => {
  it('is the same for Electron and browser mode: host events of the list and plugins’ <id>.* events', async () => {
    expect(electronDelivers()).toEqual(CONTRACT);
    expect(await browserDelivers()).toEqual(CONTRACT);
  });

  it('accepts plugin names and refuses host namespaces, bare and malformed names', () => {
    for (const type of ['notes.saved', 'live-create.created', 'checkin-import.progress.step']) {
      expect(isClientEvent({ type })).withContext(type).toBeTrue();
    }
    for (const type of [
      'plugins.fake',
      'auth.login',
      'jobs.x',
      'host.y',
      'wecom.other',
      'job.other',
      'x.y',
      'a',
      '',
    ]) {
      expect(isClientEvent({ type })).withContext(type).toBeFalse();
    }
  });
});

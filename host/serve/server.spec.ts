import { request, type IncomingMessage } from 'node:http';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { removeDir, sessionFor, startRuntime, tempDataDir } from '../../tests/support/runtime-harness.js';
import { CorpStore } from '../runtime/accounts/corp-store.js';
import type { HostRuntime } from '../runtime/core/host-runtime.js';
import { startServer, type RunningServer } from './server.js';

/** Reads an event stream until `done` says the text is complete, or the stream closes. */
function readStream(
  url: string,
  done: (text: string) => boolean,
): Promise<{ res: IncomingMessage; text: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (done(text)) {
          res.destroy();
          resolve({ res, text });
        }
      });
      res.on('close', () => resolve({ res, text }));
    })
      .on('error', reject)
      .end();
  });
}

describe('startServer (in process)', () => {
  let dataDir: string;
  let uiDir: string;
  let runtime: HostRuntime;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = tempDataDir('serve-inproc');
    uiDir = tempDataDir('serve-inproc-ui');
    runtime = await startRuntime(dataDir, { pluginDirs: [] });
    server = await startServer({ runtime, port: 0, uiDir, heartbeatMs: 100 });
  });

  afterAll(async () => {
    await server.close();
    await runtime.stop();
    removeDir(dataDir);
    removeDir(uiDir);
  });

  async function ticket(session: string): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${server.port}/events/ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'x-session': session },
    });
    const body = (await response.json()) as RpcResult<{ ticket: string }>;
    if (!body.ok) throw new Error(body.error.message);
    return body.data.ticket;
  }

  it('answers with a fresh token and the URL carrying it in the fragment', () => {
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('forwards only the events the session user may see, as SSE messages of {type, payload}, and heartbeats', async () => {
    const session = await sessionFor(runtime, 'user', 'alice');
    const url = `http://127.0.0.1:${server.port}/events?ticket=${await ticket(session)}`;
    const reading = readStream(
      url,
      (text) => text.includes('"type":"demo.last"') && text.includes(': heartbeat'),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    runtime.events.publish('demo.other', { n: 1 }, { kind: 'user', userid: 'bob' });
    runtime.events.publish('demo.admins', { n: 2 }, { kind: 'admins' });
    runtime.events.publish('demo.mine', { n: 3, text: '第一行\n第二行' }, { kind: 'user', userid: 'alice' });
    runtime.events.publish('bad\ntype', { n: 4 }, { kind: 'all' });
    runtime.events.publish('demo.last', null, { kind: 'all' });
    const { res, text } = await reading;
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(text).toContain(': connected');
    expect(text).toContain('data: {"type":"demo.mine","payload":{"n":3,"text":"第一行\\n第二行"}}\n\n');
    expect(text).toContain('data: {"type":"demo.last","payload":null}\n\n');
    expect(text).not.toContain('demo.other');
    expect(text).not.toContain('demo.admins');
    expect(text).not.toContain('"n":4');
  });

  it('lets admins see the events of their own corp’s users, not another corp’s', async () => {
    const corps = runtime.container.resolve(CorpStore);
    const secret = 'TestSecret_0123456789abcdef';
    const own = await corps.save(
      { corpname: '本企业', corpid: 'wwserveA01', corpsecret: secret, agentid: 1000002 },
      'A',
    );
    const session = await sessionFor(runtime, 'wecom-admin', 'boss', own.corpId);
    const url = `http://127.0.0.1:${server.port}/events?ticket=${await ticket(session)}`;
    const reading = readStream(url, (text) => text.includes('"type":"demo.end"'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    runtime.events.publish('demo.someone', { n: 1 }, { kind: 'user', userid: 'bob', corpId: own.corpId });
    runtime.events.publish('demo.elsewhere', { n: 2 }, { kind: 'user', userid: 'bob', corpId: 'other-corp' });
    runtime.events.publish('demo.end', {}, { kind: 'admins' });
    const { text } = await reading;
    expect(text).toContain('"type":"demo.someone"');
    expect(text).not.toContain('"type":"demo.elsewhere"');
  });
});

describe('startServer close', () => {
  it('ends open event streams and stops listening', async () => {
    const dataDir = tempDataDir('serve-close');
    const runtime = await startRuntime(dataDir, { pluginDirs: [] });
    const server = await startServer({ runtime, port: 0, uiDir: dataDir });
    try {
      const session = await sessionFor(runtime, 'user');
      const response = await fetch(`http://127.0.0.1:${server.port}/events/ticket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'x-session': session },
      });
      const body = (await response.json()) as RpcResult<{ ticket: string }>;
      if (!body.ok) throw new Error(body.error.message);
      const reading = readStream(
        `http://127.0.0.1:${server.port}/events?ticket=${body.data.ticket}`,
        () => false,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.close();
      expect((await reading).text).toContain(': connected');
      await expectAsync(fetch(`http://127.0.0.1:${server.port}/`)).toBeRejected();
    } finally {
      await server.close();
      await runtime.stop();
      removeDir(dataDir);
    }
  });
});

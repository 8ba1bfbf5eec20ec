import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WeComProtocolError, WeComTransportError } from './errors.js';
import { classifyFetchFailure, HttpClient } from './http-client.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe('HttpClient', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/cgi-bin/slow') {
        setTimeout(() => res.end('{}'), 500);
        return;
      }
      if (url.pathname === '/cgi-bin/drop') {
        req.socket.destroy();
        return;
      }
      if (url.pathname === '/cgi-bin/port') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, port: req.socket.remotePort }));
        return;
      }
      if (url.pathname === '/cgi-bin/cut') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"errcode": 0, "users": [', () => req.socket.destroy());
        return;
      }
      if (url.pathname === '/cgi-bin/html') {
        res.end('<html>proxy</html>');
        return;
      }
      if (url.pathname === '/cgi-bin/502') {
        res.writeHead(502).end();
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, method: req.method, query: url.search, body }));
      });
    });
    port = await listen(server);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function client(timeoutMs = 2000): HttpClient {
    return new HttpClient({ baseUrl: `http://127.0.0.1:${port}/`, timeoutMs });
  }

  it('sends JSON and query parameters under /cgi-bin/', async () => {
    const body = await client().send({
      api: 'echo',
      method: 'POST',
      query: { a: 1, b: undefined },
      json: { x: 1 },
    });
    expect(body).toEqual({ errcode: 0, method: 'POST', query: '?a=1', body: '{"x":1}' });
  });

  it('reports a timeout as an ambiguous transport failure', async () => {
    const error = await client(50)
      .send({ api: 'slow', method: 'GET' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComTransportError);
    expect((error as WeComTransportError).failure).toBe('timeout');
    expect((error as WeComTransportError).notProcessed).toBeFalse();
  });

  it('reports a dropped connection as an ambiguous network failure', async () => {
    const error = await client()
      .send({ api: 'drop', method: 'POST', json: {} })
      .catch((e: unknown) => e);
    expect((error as WeComTransportError).failure).toBe('network');
  });

  it("lets the caller's cancellation through as it is, not as a transport failure", async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the job');
    const sent = client().send({ api: 'slow', method: 'GET', signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expectAsync(sent).toBeRejectedWith(reason);
    const before = new AbortController();
    before.abort(reason);
    await expectAsync(client().send({ api: 'echo', method: 'GET', signal: before.signal })).toBeRejectedWith(
      reason,
    );
  });

  it('keeps the connection alive from one exchange to the next', async () => {
    const http = client();
    const first = await http.send({ api: 'port', method: 'GET' });
    const second = await http.send({ api: 'port', method: 'POST', json: {} });
    expect(second['port']).toBe(first['port']);
  });

  it('reports an answer cut off midway as an ambiguous network failure', async () => {
    const error = await client()
      .send({ api: 'cut', method: 'GET' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComTransportError);
    expect((error as WeComTransportError).failure).toBe('network');
  });

  it('reports a refused connection as certainly not processed', async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await new HttpClient({ baseUrl: `http://127.0.0.1:${closedPort}` })
      .send({ api: 'x', method: 'POST', json: {} })
      .catch((e: unknown) => e);
    expect((error as WeComTransportError).failure).toBe('refused');
    expect((error as WeComTransportError).notProcessed).toBeTrue();
  });

  it('reports non-JSON and HTTP errors', async () => {
    await expectAsync(client().send({ api: 'html', method: 'GET' })).toBeRejectedWith(
      jasmine.any(WeComProtocolError),
    );
    const error = await client()
      .send({ api: '502', method: 'GET' })
      .catch((e: unknown) => e);
    expect((error as WeComTransportError).status).toBe(502);
  });

  it('classifies undici cause chains', () => {
    const refusedBoth = new TypeError('fetch failed', {
      cause: Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(classifyFetchFailure(refusedBoth, false)).toBe('refused');
    expect(classifyFetchFailure(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }), false)).toBe(
      'dns',
    );
    expect(
      classifyFetchFailure(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }), false),
    ).toBe('network');
    expect(classifyFetchFailure(new DOMException('t', 'TimeoutError'), true)).toBe('timeout');
  });
});

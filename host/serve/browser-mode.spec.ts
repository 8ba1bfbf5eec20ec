import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { RpcResult } from '../../sdk/contracts/rpc.js';
import { DEFAULT_PORT } from './cli-options.js';
import { removeDir, tempDataDir } from '../../tests/support/runtime-harness.js';
import { delay, openEvents } from '../../tests/support/event-stream.js';
import { rpc, runServeToExit, spawnServe, type ServeProcess } from '../../tests/support/serve-process.js';

const PASSWORD = 'browser-mode-1';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the given headers (fetch will not send a foreign Host). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function dataOf<T>(answer: { body: RpcResult }): T {
  if (!answer.body.ok)
    throw new Error(`expected ok, got ${answer.body.error.code}: ${answer.body.error.message}`);
  return answer.body.data as T;
}

async function login(server: ServeProcess): Promise<string> {
  return dataOf<{ session: string }>(await rpc(server, 'auth.login', { kind: 'root', password: PASSWORD }))
    .session;
}

async function ticketFor(server: ServeProcess, session: string): Promise<string> {
  const response = await fetch(`${server.base}/events/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.ready.token}`, 'x-session': session },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as RpcResult<{ ticket: string }>;
  if (!body.ok) throw new Error(body.error.message);
  return body.data.ticket;
}

async function upload(
  server: ServeProcess,
  session: string | null,
  bytes: Uint8Array,
  name: string,
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const headers: Record<string, string> = { authorization: `Bearer ${server.ready.token}` };
  if (session !== null) headers['x-session'] = session;
  return fetch(`${server.base}/upload`, { method: 'POST', headers, body: form });
}

describe('browser mode (spawned server)', () => {
  let dataDir: string;
  let noUiDir: string;
  let server: ServeProcess;
  let session: string;

  beforeAll(async () => {
    dataDir = join(tempDataDir('serve'), 'data'); // not created yet: the server creates it
    noUiDir = tempDataDir('no-ui');
    server = await spawnServe(['--data-dir', dataDir, '--port', '0', '--host-ui', noUiDir]);
    dataOf(await rpc(server, 'auth.setupRoot', { password: PASSWORD }));
    session = await login(server);
  });

  afterAll(async () => {
    await server.stop();
    removeDir(join(dataDir, '..'));
    removeDir(noUiDir);
  });

  it('prints one JSON ready line and writes the same object to serve.json with mode 0600', () => {
    const { ready } = server;
    expect(Object.keys(ready)).toEqual(['event', 'url', 'port', 'token']);
    expect(ready.event).toBe('ready');
    expect(ready.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ready.url).toBe(`http://127.0.0.1:${ready.port}/#token=${ready.token}`);
    expect(server.stdout()).toBe(`${JSON.stringify(ready)}\n`);
    const file = join(dataDir, 'serve.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(ready);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses API requests without or with a wrong server token (401)', async () => {
    const missing = await fetch(`${server.base}/rpc/host.status`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as RpcResult).ok).toBeFalse();
    const wrong = await fetch(`${server.base}/rpc/host.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const upload = await fetch(`${server.base}/upload`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(401);
    const ticket = await fetch(`${server.base}/events/ticket`, { method: 'POST' });
    expect(ticket.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, with no CORS headers', async () => {
    const auth = { authorization: `Bearer ${server.ready.token}`, 'content-type': 'application/json' };
    const port = server.ready.port;
    const rebinding = await raw(
      port,
      'POST',
      '/rpc/host.status',
      { ...auth, host: `evil.example:${port}` },
      '{}',
    );
    expect(rebinding.status).toBe(403);
    expect((JSON.parse(rebinding.body) as RpcResult).ok).toBeFalse();
    const page = await raw(port, 'GET', '/', { host: `evil.example:${port}` });
    expect(page.status).toBe(403);
    const foreign = await raw(
      port,
      'POST',
      '/rpc/host.status',
      { ...auth, host: `127.0.0.1:${port}`, origin: 'http://evil.example' },
      '{}',
    );
    expect(foreign.status).toBe(403);
    const sameOrigin = await raw(
      port,
      'POST',
      '/rpc/host.status',
      { ...auth, host: `localhost:${port}`, origin: `http://localhost:${port}` },
      '{}',
    );
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    const crossPort = await raw(
      port,
      'POST',
      '/rpc/host.status',
      { ...auth, host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port + 1}` },
      '{}',
    );
    expect(crossPort.status).toBe(403);
  });

  it('answers host.status over /rpc with the envelope and API headers', async () => {
    const response = await fetch(`${server.base}/rpc/host.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ready.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await response.json()) as RpcResult<{
      version: string;
      firstRun: boolean;
      plugins: unknown[];
    }>;
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.data.firstRun).toBeFalse();
    expect(Array.isArray(body.data.plugins)).toBeTrue();
  });

  it('answers session calls, unknown channels, invalid input and bad JSON with envelopes (200)', async () => {
    const unknownJob = await rpc(server, 'jobs.get', { jobId: 'no-such-job' }, session);
    expect(unknownJob.status).toBe(200);
    expect(unknownJob.body.ok ? null : unknownJob.body.error.code).toBe('NOT_FOUND');
    const anonymous = await rpc(server, 'jobs.get', { jobId: 'x' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.ok ? null : anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const unknownChannel = await rpc(server, 'nothing.here', {}, session);
    expect(unknownChannel.status).toBe(200);
    expect(unknownChannel.body.ok ? null : unknownChannel.body.error.code).toBe('NOT_FOUND');
    const invalid = await rpc(server, 'jobs.get', { jobId: 42 }, session);
    expect(invalid.status).toBe(200);
    if (invalid.body.ok) throw new Error('expected INVALID_INPUT');
    expect(invalid.body.error.code).toBe('INVALID_INPUT');
    expect(invalid.body.error.details?.['field']).toBe('jobId');
    const badJson = await fetch(`${server.base}/rpc/host.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ready.token}` },
      body: '{not json',
    });
    expect(badJson.status).toBe(200);
    const badBody = (await badJson.json()) as RpcResult;
    expect(badBody.ok ? null : badBody.error.code).toBe('INVALID_INPUT');
  });

  it('refuses an RPC body over 1 MB with 413', async () => {
    const response = await fetch(`${server.base}/rpc/host.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ready.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as RpcResult;
    expect(body.ok ? null : body.error.code).toBe('INVALID_INPUT');
    // The connection stays usable.
    expect((await rpc(server, 'host.status')).status).toBe(200);
  });

  it('serves a Chinese page when no UI is built, and refuses path traversal', async () => {
    const page = await fetch(`${server.base}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('界面尚未构建');
    const port = server.ready.port;
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/a/..%2f..%2fpackage.json']) {
      const answer = await raw(port, 'GET', path, { host: `127.0.0.1:${port}` });
      expect(answer.status).withContext(path).toBe(400);
    }
  });

  it('opens an event stream once per ticket and ends it when the session logs out', async () => {
    const own = await login(server);
    const ticket = await ticketFor(server, own);
    const stream = await openEvents(server, ticket);
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toContain('text/event-stream');
    expect(stream.res.headers['cache-control']).toBe('no-store');
    await stream.waitForText(': connected');

    const again = await fetch(`${server.base}/events?ticket=${encodeURIComponent(ticket)}`);
    expect(again.status).toBe(401);
    const unknown = await fetch(`${server.base}/events?ticket=nope`);
    expect(unknown.status).toBe(401);

    dataOf(await rpc(server, 'auth.logout', {}, own));
    await expectAsync(
      Promise.race([stream.ended.then(() => 'ended'), delay(5000).then(() => 'open')]),
    ).toBeResolvedTo('ended');
    const noSession = await fetch(`${server.base}/events/ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ready.token}`, 'x-session': own },
    });
    expect(noSession.status).toBe(200);
    const body = (await noSession.json()) as RpcResult;
    expect(body.ok ? null : body.error.code).toBe('UNAUTHENTICATED');
  });

  it('round-trips an upload and a single-use download with a Chinese file name', async () => {
    const name = '直播签到 2024年(第1场).xlsx';
    const bytes = randomBytes(300_000);
    const response = await upload(server, session, bytes, name);
    expect(response.status).toBe(200);
    const uploaded = (await response.json()) as RpcResult<{ fileId: string; name: string; size: number }>;
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    expect(uploaded.data.name).toBe(name);
    expect(uploaded.data.size).toBe(bytes.length);

    const { url } = dataOf<{ url: string }>(
      await rpc(server, 'files.downloadTicket', { fileId: uploaded.data.fileId }, session),
    );
    expect(url).toMatch(/^\/download\/[A-Za-z0-9_-]+$/);
    const download = await fetch(`${server.base}${url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe(name);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBeTrue();

    const second = await fetch(`${server.base}${url}`);
    expect(second.status).toBe(404);
    await second.arrayBuffer();
  });

  it('refuses uploads without a session (envelope) and without exactly one file', async () => {
    const anonymous = await upload(server, null, new Uint8Array([1, 2, 3]), 'a.txt');
    expect(anonymous.status).toBe(200);
    const anonymousBody = (await anonymous.json()) as RpcResult;
    expect(anonymousBody.ok ? null : anonymousBody.error.code).toBe('UNAUTHENTICATED');

    const two = new FormData();
    two.append('a', new Blob(['1']), 'a.txt');
    two.append('b', new Blob(['2']), 'b.txt');
    const headers = { authorization: `Bearer ${server.ready.token}`, 'x-session': session };
    const twoFiles = await fetch(`${server.base}/upload`, { method: 'POST', headers, body: two });
    const twoBody = (await twoFiles.json()) as RpcResult;
    expect(twoBody.ok ? null : twoBody.error.code).toBe('INVALID_INPUT');

    const none = new FormData();
    none.append('note', 'no file');
    const noFile = await fetch(`${server.base}/upload`, { method: 'POST', headers, body: none });
    const noBody = (await noFile.json()) as RpcResult;
    expect(noBody.ok ? null : noBody.error.code).toBe('INVALID_INPUT');

    const notMultipart = await fetch(`${server.base}/upload`, { method: 'POST', headers, body: 'plain' });
    const plainBody = (await notMultipart.json()) as RpcResult;
    expect(plainBody.ok ? null : plainBody.error.code).toBe('INVALID_INPUT');
  });

  it('refuses a second server on the same data dir with the lock message, leaving the first intact', async () => {
    const second = await runServeToExit(['--data-dir', dataDir, '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('数据目录已被另一个正在运行的 WeCom Live 使用');
    expect(JSON.parse(readFileSync(join(dataDir, 'serve.json'), 'utf8'))).toEqual(server.ready);
    expect((await rpc(server, 'host.status')).status).toBe(200);
  });
});

describe('browser mode (spawned, 1 MB upload cap and a UI build)', () => {
  let dataDir: string;
  let uiDir: string;
  let server: ServeProcess;
  let session: string;

  beforeAll(async () => {
    dataDir = tempDataDir('serve-cap');
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ uploadMaxBytes: 1024 * 1024 }));
    uiDir = tempDataDir('ui');
    writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>壳</title><app-root></app-root>');
    mkdirSync(join(uiDir, 'media'));
    writeFileSync(join(uiDir, 'main-ABC123.js'), 'console.log(1);');
    writeFileSync(join(uiDir, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await spawnServe(['--data-dir', dataDir, '--port', '0', '--host-ui', uiDir]);
    dataOf(await rpc(server, 'auth.setupRoot', { password: PASSWORD }));
    session = await login(server);
  });

  afterAll(async () => {
    await server.stop();
    removeDir(dataDir);
    removeDir(uiDir);
  });

  it('refuses an oversized upload with 413, whether caught while streaming or by its length, leaving no file', async () => {
    for (const size of [1024 * 1024 + 1, 3 * 1024 * 1024]) {
      const response = await upload(server, session, randomBytes(size), '大文件.xlsx');
      expect(response.status).withContext(String(size)).toBe(413);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: '文件超过 1 MB 上限', details: { maxBytes: 1024 * 1024 } },
      });
    }
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    const exact = await upload(server, session, randomBytes(1024 * 1024), 'exact.bin');
    const body = (await exact.json()) as RpcResult<{ size: number }>;
    expect(body.ok ? body.data.size : body.error.code).toBe(1024 * 1024);
  });

  it('serves the UI build publicly with the CSP, index.html for client routes, 404 for missing assets', async () => {
    const index = await fetch(`${server.base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<app-root>');
    expect(index.headers.get('content-security-policy')).toBe(
      "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    const script = await fetch(`${server.base}/main-ABC123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    const svg = await fetch(`${server.base}/media/logo.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    await svg.arrayBuffer();
    const route = await fetch(`${server.base}/lives/123`, { headers: { accept: 'text/html,*/*' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<app-root>');
    const missing = await fetch(`${server.base}/missing.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
    const api = await fetch(`${server.base}/rpc`, { headers: { accept: 'text/html' } });
    expect(api.status).not.toBe(200);
    await api.arrayBuffer();
  });
});

describe('browser mode (spawned) lifecycle', () => {
  it('shuts down on SIGTERM with exit code 0, removing serve.json and the lock', async () => {
    const dataDir = tempDataDir('serve-stop');
    const server = await spawnServe(['--data-dir', dataDir, '--port', '0']);
    expect(readdirSync(dataDir)).toContain('serve.json');
    const exit = await server.stop('SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(readdirSync(dataDir)).not.toContain('serve.json');
    expect(readdirSync(dataDir)).not.toContain('app.lock');
    expect(server.stdout()).toBe(`${JSON.stringify(server.ready)}\n`);
    removeDir(dataDir);
  });

  it('exits 1 with a message on stderr when config.json is invalid', async () => {
    const dataDir = tempDataDir('serve-badcfg');
    writeFileSync(join(dataDir, 'config.json'), '{ not json');
    const run = await runServeToExit(['--data-dir', dataDir, '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('config.json');
    removeDir(dataDir);
  });

  it('takes a free port when the default one is taken and no --port was given', async () => {
    // Whoever holds the default port (this blocker, or another program), the server must still start.
    const blocker = createServer();
    await new Promise<void>((resolve) =>
      blocker.once('error', () => resolve()).listen(DEFAULT_PORT, '127.0.0.1', resolve),
    );
    const dataDir = tempDataDir('serve-port');
    try {
      const server = await spawnServe(['--data-dir', dataDir]);
      expect(server.ready.port).not.toBe(DEFAULT_PORT);
      expect(server.stderr()).toContain(`默认端口 ${DEFAULT_PORT} 已被占用`);
      await server.stop();
      // An explicit port is never swapped for another.
      const run = await runServeToExit(['--data-dir', dataDir, '--port', String(DEFAULT_PORT)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`端口 ${DEFAULT_PORT} 已被占用`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      removeDir(dataDir);
    }
  });

  it('exits 2 with the usage when --data-dir is missing', async () => {
    const run = await runServeToExit(['--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--data-dir');
  });
});

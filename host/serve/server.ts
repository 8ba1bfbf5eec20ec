import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { appRoot } from '../runtime/core/app-info.js';
import { handleDownload } from './download-route.js';
import { handleEventStream, handleEventTicket } from './events-route.js';
import { EventStreams } from './event-streams.js';
import { EventTickets } from './event-tickets.js';
import { sendError } from './http-responses.js';
import { checkOrigin, checkToken } from './request-guards.js';
import { handleRpc } from './rpc-route.js';
import type { ServeContext, ServeRuntime } from './serve-context.js';
import { safeSegments, StaticFiles } from './static-files.js';
import { handleUpload } from './upload-route.js';

/** Browser mode binds loopback only (docs/architecture.md "Browser mode"). */
export const SERVE_HOST = '127.0.0.1';

export interface StartServerOptions {
  runtime: ServeRuntime;
  /** 0 picks a free port. */
  port: number;
  /** The Angular build; `<appRoot>/dist/ui/browser` by default. */
  uiDir?: string;
  /** Event stream heartbeat (tests shorten it). */
  heartbeatMs?: number;
}

export interface RunningServer {
  port: number;
  /** The per-start server token, required as `Authorization: Bearer` on API requests. */
  token: string;
  /** The URL to open, carrying the token in the fragment (never sent to the server). */
  url: string;
  /** Stops accepting, ends event streams and open connections; idempotent. */
  close(): Promise<void>;
}

const API_PREFIXES = ['/rpc', '/events', '/upload', '/download'];

function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Open keep-alive connections get this long to finish before they are cut at shutdown.
const CLOSE_GRACE_MS = 2000;

/** The browser-mode HTTP server over a started runtime (docs/architecture.md "Browser mode"). */
/** The port asked for is taken by another program. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`端口 ${port} 已被占用，请换一个端口（--port 0 自动选择空闲端口）。`);
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { runtime } = options;
  const token = randomBytes(32).toString('base64url');
  let port = options.port;
  const streams = new EventStreams({
    events: runtime.events.all(),
    isActive: (sessionId) => runtime.sessions.isActive(sessionId),
    log: runtime.log,
    heartbeatMs: options.heartbeatMs,
  });
  const ctx: ServeContext = { runtime, tickets: new EventTickets(), streams };
  const statics = new StaticFiles(options.uiDir ?? join(appRoot(), 'dist', 'ui', 'browser'), () => port);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    // Checked on the raw path: URL parsing would silently resolve `..` segments.
    if (!target.startsWith('/') || safeSegments(target.split('?')[0] ?? '') === null) {
      req.resume();
      sendError(res, 400, 'INVALID_INPUT', '请求地址无效。');
      return;
    }
    const url = new URL(`http://${SERVE_HOST}${target}`);
    const path = url.pathname;
    const api = isApiPath(path);
    const refused = checkOrigin(req, port, api);
    if (refused !== null) {
      req.resume();
      sendError(res, refused.status, 'FORBIDDEN', refused.message);
      return;
    }
    if (!api) {
      if (req.method === 'GET' || req.method === 'HEAD') await statics.handle(req, res, path);
      else sendError(res, 405, 'NOT_FOUND', '不支持的请求方法。', undefined, { Allow: 'GET, HEAD' });
      return;
    }
    const method = req.method ?? 'GET';
    // Opened by the browser itself (EventSource, a download link): the ticket is the credential.
    if (path === '/events' && method === 'GET') return handleEventStream(ctx, res, url);
    if (path.startsWith('/download/') && method === 'GET')
      return handleDownload(ctx, res, path.slice('/download/'.length));
    const unauthorized = checkToken(req, token);
    if (unauthorized !== null) {
      req.resume();
      sendError(res, 401, 'UNAUTHENTICATED', unauthorized.message, undefined, {
        'WWW-Authenticate': 'Bearer',
      });
      return;
    }
    if (method === 'POST' && path.startsWith('/rpc/'))
      return handleRpc(ctx, req, res, path.slice('/rpc/'.length));
    if (method === 'POST' && path === '/events/ticket') return handleEventTicket(ctx, req, res);
    if (method === 'POST' && path === '/upload') return handleUpload(ctx, req, res);
    req.resume();
    sendError(res, 404, 'NOT_FOUND', `接口不存在：${method} ${path.slice(0, 100)}`);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const errorId = randomUUID().slice(0, 8);
      // The URL may carry a ticket: log the error and its id, never the request line.
      runtime.log.error({ err: error, errorId }, 'browser-mode request failed');
      if (!res.headersSent) {
        sendError(res, 500, 'INTERNAL', `内部错误（编号 ${errorId}），请稍后重试或联系管理员查看日志。`);
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
    });
    server.listen(options.port, SERVE_HOST, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server address unavailable');
  port = address.port;
  server.on('error', (error) => runtime.log.error({ err: error }, 'browser-mode server error'));

  let closing: Promise<void> | null = null;
  return {
    port,
    token,
    url: `http://${SERVE_HOST}:${port}/#token=${token}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        streams.closeAll();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      return closing;
    },
  };
}

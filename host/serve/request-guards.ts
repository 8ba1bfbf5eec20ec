import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request was refused before routing, or null when it may proceed. */
export type GuardFailure = { status: 401 | 403; message: string } | null;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The Host values this server answers to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // Browsers omit the default port from Host.
  if (port === 80) hosts.push('127.0.0.1', 'localhost');
  return hosts;
}

/**
 * DNS rebinding and cross-site requests: Host must name this server on loopback, and an Origin, when
 * present, must be the very origin the Host names. Fetch metadata refuses cross-site API calls too.
 */
export function checkOrigin(req: IncomingMessage, port: number, api: boolean): GuardFailure {
  const host = header(req, 'host')?.toLowerCase();
  if (host === undefined || !allowedHosts(port).includes(host)) {
    return { status: 403, message: '拒绝访问：请求的主机名不是本机服务地址。' };
  }
  const origin = header(req, 'origin');
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return { status: 403, message: '拒绝访问：不允许跨站请求。' };
  }
  const site = header(req, 'sec-fetch-site');
  if (api && (site === 'cross-site' || site === 'same-site')) {
    return { status: 403, message: '拒绝访问：不允许跨站请求。' };
  }
  return null;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The server token in `Authorization: Bearer <token>`, compared in constant time. */
export function checkToken(req: IncomingMessage, token: string): GuardFailure {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  // Hashing first gives equal lengths, so neither the value nor its length leaks through timing.
  if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), digest(token))) {
    return { status: 401, message: '缺少或错误的服务器令牌，请使用启动时输出的地址打开本应用。' };
  }
  return null;
}

/** The login session from `X-Session`, or null. */
export function sessionHeader(req: IncomingMessage): string | null {
  const value = header(req, 'x-session')?.trim();
  return value === undefined || value === '' ? null : value;
}

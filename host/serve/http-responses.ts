import type { ServerResponse } from 'node:http';
import type { ErrorCode, ErrorDetails } from '../../sdk/contracts/errors.js';
import type { RpcResult } from '../../sdk/contracts/rpc.js';

/** The one CSP for everything served: the Angular build needs only its own scripts and inline styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers on every response; there are deliberately no CORS headers (docs/architecture.md "Browser mode"). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Answers an API request with a JSON body; API answers are never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  setSecurityHeaders(res);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(text);
}

/** An error envelope (docs/architecture.md "RPC and errors") with the given HTTP status. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
  headers: Record<string, string> = {},
): void {
  const body: RpcResult = {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
  sendJson(res, status, body, headers);
}

/** Answers an API call with its envelope: HTTP 200 for every answered call (docs/architecture.md "RPC and errors"). */
export function sendEnvelope(res: ServerResponse, result: RpcResult): void {
  sendJson(res, 200, result);
}

import { readFile } from 'node:fs/promises';
import { contentTypeFor } from '../serve/content-types.js';
import { CONTENT_SECURITY_POLICY } from '../serve/http-responses.js';
import { resolveAppAsset } from './app-protocol-paths.js';

/** The same protective headers browser mode sends (one CSP for both transports). */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Revalidate: a rebuilt UI must not mix with cached chunks of the previous build.
    'Cache-Control': 'no-cache',
  };
}

function text(status: number, body: string, head: boolean, type = 'text/plain; charset=utf-8'): Response {
  return new Response(head ? null : body, { status, headers: securityHeaders(type) });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>企微直播助手</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; line-height: 1.6">
<h1>界面尚未构建</h1>
<p>请先在项目目录中运行 <code>npm run build</code>，然后重新启动应用。</p>
</body></html>
`;

/**
 * Answers one request of the `app://` protocol (Electron's `protocol.handle`) from the Angular build in
 * `uiDir`: GET and HEAD only, with browser mode's CSP and headers. Plain web Request/Response, so it
 * runs under Node in the specs.
 */
export async function appProtocolResponse(request: Request, uiDir: string): Promise<Response> {
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) return text(405, '不支持的请求方法。', false);
  const wantsHtml = (request.headers.get('accept') ?? '').includes('text/html');
  const asset = await resolveAppAsset(request.url, uiDir, wantsHtml);
  switch (asset.kind) {
    case 'badRequest':
      return text(400, '路径无效。', head);
    case 'notFound':
      return text(404, '未找到。', head);
    case 'notBuilt':
      return text(200, NOT_BUILT_PAGE, head, 'text/html; charset=utf-8');
    case 'file': {
      let body: Buffer;
      try {
        body = await readFile(asset.path);
      } catch {
        return text(404, '未找到。', head);
      }
      return new Response(head ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders(contentTypeFor(asset.path)), 'Content-Length': String(body.length) },
      });
    }
  }
}

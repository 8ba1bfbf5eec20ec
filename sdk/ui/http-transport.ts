import type { RpcResult } from '../contracts/rpc.js';
import { HttpFileRoutes } from './http-file-routes.js';
import type { RpcTransport } from './rpc-transport.js';

/** Browser mode (docs/architecture.md "Browser mode"): `POST /rpc/<channel>` with the server token; events over SSE tickets. */
export class HttpTransport implements RpcTransport {
  readonly files: HttpFileRoutes;

  constructor(
    private readonly serverToken: string,
    private readonly base = '',
  ) {
    this.files = new HttpFileRoutes(serverToken, base);
  }

  async invoke(channel: string, input: unknown, session: string | null): Promise<RpcResult> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: this.headers(session),
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: '无法连接本地服务，请确认 WeCom Live 仍在运行。' },
      };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: {
          code: 'UNAUTHENTICATED',
          message: '访问凭证已失效：请使用启动时打印的完整地址重新打开本页面。',
        },
      };
    }
    return (await response.json()) as RpcResult;
  }

  async subscribe(session: string, onEvent: (type: string, payload: unknown) => void): Promise<() => void> {
    let closed = false;
    let source: EventSource | null = null;
    const open = async (): Promise<void> => {
      // Each connection needs a fresh single-use ticket; EventSource's own reconnect would reuse a spent one.
      const response = await fetch(`${this.base}/events/ticket`, {
        method: 'POST',
        headers: this.headers(session),
      });
      const answer = (await response.json()) as RpcResult<{ ticket: string }>;
      if (closed || !answer.ok) return;
      source = new EventSource(`${this.base}/events?ticket=${encodeURIComponent(answer.data.ticket)}`);
      // Every event is one unnamed message `{type, payload}`: host and plugin events alike, no list here.
      source.onmessage = (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as { type: string; payload: unknown };
        onEvent(event.type, event.payload);
      };
      source.onerror = () => {
        source?.close();
        if (!closed) setTimeout(() => void open(), 3000);
      };
    };
    await open();
    return () => {
      closed = true;
      source?.close();
    };
  }

  private headers(session: string | null): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.serverToken}`,
      'content-type': 'application/json',
    };
    if (session !== null) headers['x-session'] = session;
    return headers;
  }
}

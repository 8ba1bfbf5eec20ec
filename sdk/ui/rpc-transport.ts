import type { RpcResult } from '../contracts/rpc.js';
import type { BrowserFileRoutes } from './file-routes.js';

/** How RPC calls and events travel: HTTP + SSE in browser mode, contextBridge in Electron. */
export interface RpcTransport {
  invoke(channel: string, input: unknown, session: string | null): Promise<RpcResult>;
  /** Subscribes to host events; answers an unsubscribe function. */
  subscribe(session: string, onEvent: (type: string, payload: unknown) => void): Promise<() => void>;
  /** Browser mode's upload and download routes; absent where the host has native file dialogs (Electron). */
  readonly files?: BrowserFileRoutes;
}

/** The narrow API Electron's preload exposes as `window.wecomLive` (`invoke`, `on`). */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<RpcResult>;
  on(listener: (type: string, payload: unknown) => void): () => void;
}

import type { RpcResult } from '../contracts/rpc.js';
import type { PreloadBridge, RpcTransport } from './rpc-transport.js';

/** Electron: calls go through the preload's `invoke`; the main process binds the session to the window. */
export class BridgeTransport implements RpcTransport {
  constructor(private readonly bridge: PreloadBridge) {}

  invoke(channel: string, input: unknown, _session: string | null): Promise<RpcResult> {
    return this.bridge.invoke(channel, input ?? {});
  }

  subscribe(_session: string, onEvent: (type: string, payload: unknown) => void): Promise<() => void> {
    return Promise.resolve(this.bridge.on(onEvent));
  }
}

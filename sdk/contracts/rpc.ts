import type { RpcErrorBody } from './errors.js';

/** The one RPC result shape, identical over contextBridge and HTTP (docs/architecture.md "RPC and errors"). */
export type RpcResult<T = unknown> = { ok: true; data: T } | { ok: false; error: RpcErrorBody };

export function ok<T>(data: T): RpcResult<T> {
  return { ok: true, data };
}

export function fail(error: RpcErrorBody): RpcResult<never> {
  return { ok: false, error };
}

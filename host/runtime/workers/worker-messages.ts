// What the pool and its worker threads say to each other.
import type { RpcErrorBody } from '../../../sdk/contracts/errors.js';

export interface WorkerStart {
  moduleUrl: string;
  input: unknown;
}

export type WorkerReply =
  | { kind: 'progress'; message: unknown }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; appError: RpcErrorBody | null; message: string };

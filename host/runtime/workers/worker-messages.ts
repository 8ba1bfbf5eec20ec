// What the pool and its worker threads say to each other.
import type { RpcErrorBody } from '../../../sdk/contracts/errors.js';

export interface WorkerStart {
  moduleUrl: string;
  input: unknown;
  /** The input comes later as a WorkerInput message (it was still being read when the worker started). */
  inputFollows: boolean;
}

/** The input of a worker started before its input was ready. */
export interface WorkerInput {
  kind: 'input';
  input: unknown;
}

export type WorkerReply =
  | { kind: 'progress'; message: unknown }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; appError: RpcErrorBody | null; message: string };

// What the pool and its worker threads say to each other.
import type { RpcErrorBody } from '../../../sdk/contracts/errors.js';

export interface WorkerStart {
  moduleUrl: string;
  input: unknown;
  /** The input comes later as a WorkerInput message (it was still being read when the worker started). */
  inputFollows: boolean;
  /** WorkerChunk messages follow, then a WorkerChunksEnd. */
  chunksFollow: boolean;
  /** A prepared worker: run the module's `warmUp` (if it exports one) while the input is awaited. */
  warmUp: boolean;
}

/** The input of a worker started before its input was ready. */
export interface WorkerInput {
  kind: 'input';
  input: unknown;
}

/** One piece of `WorkerRunOptions.chunks`. */
export interface WorkerChunk {
  kind: 'chunk';
  chunk: unknown;
}

/** No more chunks. */
export interface WorkerChunksEnd {
  kind: 'end';
}

export type ToWorker = WorkerInput | WorkerChunk | WorkerChunksEnd;

export type WorkerReply =
  | { kind: 'progress'; message: unknown }
  /** The task took a chunk: the host may send one more. */
  | { kind: 'pull' }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; appError: RpcErrorBody | null; message: string };

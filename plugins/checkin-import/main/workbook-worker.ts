// The check-in workbook parse as a worker task (sdk/main/workers.ts): it runs off the main thread under
// the worker's memory cap, so a hostile or huge file never stalls or kills the host.
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { parseCheckinWorkbook, type ParsedWorkbook } from './workbook-parser.js';

export interface ParseTaskInput {
  path: string;
  fileName: string;
}

/** Sent after each sheet. */
export interface SheetDone {
  done: number;
  total: number;
  sheet: string;
}

export const PARSE_WORKER = new URL('./workbook-worker.js', import.meta.url);

export const task: WorkerTask<ParseTaskInput, ParsedWorkbook> = (input, progress) =>
  parseCheckinWorkbook(input.path, input.fileName, (done, total, sheet) =>
    progress({ done, total, sheet } satisfies SheetDone),
  );

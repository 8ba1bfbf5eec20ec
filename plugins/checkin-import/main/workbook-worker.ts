// The check-in workbook parse as a worker task (sdk/main/workers.ts): it runs off the main thread under
// the worker's memory cap, so a hostile or huge file never stalls or kills the host.
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { packWorkbook, type PackedWorkbook } from './parsed-transfer.js';
import { parseCheckinWorkbook } from './workbook-parser.js';

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

/** The member rows go back as columns (parsed-transfer.ts): the main thread reads the copy faster. */
export const task: WorkerTask<ParseTaskInput, PackedWorkbook> = async (input, progress) =>
  packWorkbook(
    await parseCheckinWorkbook(input.path, input.fileName, (done, total, sheet) =>
      progress({ done, total, sheet } satisfies SheetDone),
    ),
  );

// The check-in workbook parse as a worker task (sdk/main/workers.ts): it runs off the main thread under
// the worker's memory cap, so a hostile or huge file never stalls or kills the host.
import { fileURLToPath } from 'node:url';
import type { WorkerTask, WorkerWarmUp } from '../../../sdk/main/workers.js';
import { outlineOf, packMembers, type SheetMembers, type WorkbookOutline } from './parsed-transfer.js';
import { parseCheckinWorkbook } from './workbook-parser.js';

export interface ParseTaskInput {
  path: string;
  fileName: string;
}

/** Sent after each sheet; with the round's member rows when the sheet is one. */
export interface SheetDone {
  done: number;
  total: number;
  sheet: string;
  round?: SheetMembers;
}

export const PARSE_WORKER = new URL('./workbook-worker.js', import.meta.url);

/** The rows go with their sheet's progress (parsed-transfer.ts), the outline as the answer. */
export const task: WorkerTask<ParseTaskInput, WorkbookOutline> = async (input, progress) =>
  outlineOf(
    await parseCheckinWorkbook(input.path, input.fileName, (done, total, sheet, round) =>
      progress({
        done,
        total,
        sheet,
        ...(round === undefined ? {} : { round: packMembers(round.sheetIndex, round.members) }),
      } satisfies SheetDone),
    ),
  );

/**
 * A check-in workbook of the simulator's (4 rounds × 3,000 made-up names, plus a 说明 and a 汇总 sheet),
 * read by a prepared worker before the user's file comes (sdk/main/workers.ts `prepare`): a 10 × 5,000
 * workbook's first sheets otherwise run about three times slower while V8 compiles the parse.
 */
export const WARM_UP_WORKBOOK = new URL('./warm-up.xlsx', import.meta.url);

export const warmUp: WorkerWarmUp = async () => {
  await parseCheckinWorkbook(fileURLToPath(WARM_UP_WORKBOOK), 'warm-up.xlsx');
};

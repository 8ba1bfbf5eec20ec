// The check-in workbook parse as a worker task (sdk/main/workers.ts): it runs off the main thread under
// the worker's memory cap, so a hostile or huge file never stalls or kills the host.
import type { WorkerTask } from '../../../sdk/main/workers.js';
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

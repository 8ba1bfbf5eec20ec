// The detail export's workbook built in a worker thread (sdk/main/workers.ts).
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { writeDetailWorkbook, type DetailWorkbookInput } from './detail-workbook.js';

export interface DetailWorkbookTask {
  path: string;
  workbook: DetailWorkbookInput;
}

export const DETAIL_WORKBOOK_WORKER = new URL('./detail-workbook-worker.js', import.meta.url);

export const task: WorkerTask<DetailWorkbookTask, void> = (input) =>
  writeDetailWorkbook(input.path, input.workbook);

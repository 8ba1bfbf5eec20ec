// The list export's workbook built in a worker thread (sdk/main/workers.ts).
import type { WorkerTask } from '../../../sdk/main/workers.js';
import type { LiveListRow } from '../shared/live-list-api.js';
import { writeLiveWorkbook } from './export-workbook.js';

export interface LiveWorkbookTask {
  path: string;
  rows: LiveListRow[];
  options: { timeZone: string; withCharts: boolean; now: number };
}

export const LIVE_WORKBOOK_WORKER = new URL('./export-workbook-worker.js', import.meta.url);

export const task: WorkerTask<LiveWorkbookTask, void> = (input) =>
  writeLiveWorkbook(input.path, input.rows, input.options);

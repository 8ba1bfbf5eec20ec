// The detail export's workbook built in a worker thread (sdk/main/workers.ts); its viewer rows arrive as
// chunks, a page at a time in columns (viewer-columns.ts), while the host reads the next.
import type { ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { WorkerTask } from '../../../sdk/main/workers.js';
import { writeDetailWorkbook, type DetailWorkbookInput } from './detail-workbook.js';
import { unpackViewers, type ViewerColumns } from './viewer-columns.js';

export interface DetailWorkbookTask {
  path: string;
  workbook: DetailWorkbookInput;
}

export const DETAIL_WORKBOOK_WORKER = new URL('./detail-workbook-worker.js', import.meta.url);

export const task: WorkerTask<DetailWorkbookTask, void, ViewerColumns> = (input, _progress, pages) =>
  writeDetailWorkbook(input.path, input.workbook, unpacked(pages));

async function* unpacked(pages: AsyncIterable<ViewerColumns>): AsyncGenerator<ViewerDetail[]> {
  for await (const page of pages) yield unpackViewers(page);
}

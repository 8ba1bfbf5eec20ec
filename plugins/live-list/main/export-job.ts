import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { LiveExportResult, LiveListRow } from '../shared/live-list-api.js';
import type { ExportInput } from '../shared/input-schemas.js';
import { LIVE_WORKBOOK_WORKER, type LiveWorkbookTask } from './export-workbook-worker.js';
import { listPage } from './list-rows.js';
import { fileStamp } from '../../../sdk/contracts/zoned-time.js';

export const EXPORT_JOB = 'export';
const PAGE = 200;

/** `live-list.export` (R4.3, R7.1): every row of the filtered list (all pages) as .xlsx in exports/. */
export function exportJob(ctx: PluginContext) {
  return async (job: JobContext<ExportInput>): Promise<LiveExportResult> => {
    const corpId = job.corpId;
    if (corpId === null) throw new AppError('FORBIDDEN', '导出直播列表需要企业微信登录。');
    const { withCharts, timeZone: asked, ...filters } = job.input;
    const timeZone = asked ?? ctx.timeZone;
    const rows: LiveListRow[] = [];
    for (let page = 1; ; page += 1) {
      job.signal.throwIfAborted();
      const found = await listPage(ctx.liveStore, corpId, filters, page, PAGE);
      rows.push(...found.rows);
      job.progress(rows.length, found.total, `正在读取直播：${rows.length}/${found.total}`);
      if (found.rows.length < PAGE || rows.length >= found.total) break;
    }
    const now = Date.now();
    const single = filters.livingid !== undefined && rows[0] !== undefined ? `-${rows[0].theme}` : '';
    const name = `成员直播列表${safeName(single)}-${fileStamp(now, timeZone)}.xlsx`;
    const stored = await ctx.files.createExport(name, job.owner?.userid ?? null, job.corpId);
    try {
      job.progress(rows.length, rows.length, '正在写入 Excel…');
      // Built in a worker thread: the host keeps answering while thousands of rows are written.
      await ctx.workers.run<LiveWorkbookTask, void>(
        LIVE_WORKBOOK_WORKER,
        { path: stored.path, rows, options: { timeZone, withCharts: withCharts === true, now } },
        { signal: job.signal },
      );
      job.signal.throwIfAborted();
      const finished = await ctx.files.finalize(stored.fileId);
      job.progress(rows.length, rows.length, `已导出 ${rows.length} 场直播`);
      return { fileId: finished.fileId, fileName: finished.name, rows: rows.length };
    } catch (error) {
      // No half-written workbook stays behind.
      rmSync(dirname(stored.path), { recursive: true, force: true });
      throw error;
    }
  };
}

/** A theme as part of a file name: no path or reserved characters, not too long. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
}

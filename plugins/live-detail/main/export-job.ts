import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileStamp } from '../../../sdk/contracts/zoned-time.js';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { LiveDetailExportResult } from '../shared/live-detail-api.js';
import { viewerChartCards } from '../shared/viewer-chart-options.js';
import type { ChartResult } from '../../../sdk/main/charts/index.js';
import { DETAIL_WORKBOOK_WORKER, type DetailWorkbookTask } from './detail-workbook-worker.js';
import { PROFILE_CHARTS_WORKER, type ProfileChartsTask } from './profile-charts-worker.js';
import { Invitations } from './invitations.js';
import { inviterSupported, liveEndMs } from './live-detail.js';
import { packViewers, type ViewerColumns } from './viewer-columns.js';
import { viewerProfile } from './viewer-profile.js';

export const EXPORT_JOB = 'export';

export interface ExportJobInput {
  corpId: string;
  livingid: string;
  withCharts: boolean;
}

/** `live-detail.export` (R7.1, R7.2): the live's viewers (and optionally their profile) as an .xlsx. */
export function exportJob(ctx: PluginContext) {
  return async (job: JobContext<ExportJobInput>): Promise<LiveDetailExportResult> => {
    const { corpId, livingid, withCharts } = job.input;
    job.progress(0, 1, '读取观众明细');
    const live = await ctx.liveStore.get(corpId, livingid);
    if (live === undefined) throw new Error(`本地没有这场直播：${livingid}`);
    const supported = inviterSupported(live);
    const stamp = fileStamp(Date.now(), ctx.timeZone);
    const safeTheme = live.theme.replace(/[\\/:*?"<>|]/g, '_').slice(0, 30);
    const stored = await ctx.files.createExport(
      `直播详情-${safeTheme}-${stamp}.xlsx`,
      job.owner?.userid ?? null,
      job.corpId,
    );
    let rows = 0;
    try {
      const charts = withCharts ? await viewerProfile(ctx.liveStore, corpId, livingid, supported) : null;
      // The charts first, in a worker of their own: their memory is gone before the rows are written.
      const profileCharts =
        charts === null
          ? null
          : await ctx.workers
              .run<ProfileChartsTask, Array<ChartResult | null>>(
                PROFILE_CHARTS_WORKER,
                { charts, inviterSupported: supported },
                { signal: job.signal },
              )
              .catch((error: unknown) => {
                // A chart worker that fails leaves the tables and a note per chart, never a failed export.
                job.signal.throwIfAborted();
                const reason = error instanceof Error ? error.message : String(error);
                return viewerChartCards(charts, { dark: false, inviterSupported: supported }).map((card) =>
                  card.points.length === 0 ? null : { error: `图表生成失败（${reason}）。` },
                );
              });
      // The worker starts and loads exceljs while the figures are counted; then the rows go to it a page
      // at a time, each read while the worker writes the pages before (the host keeps answering, and a
      // 100,000-viewer live is never held whole on either side).
      const stream = ctx.liveStore.viewerDetailPages(corpId, livingid);
      const workbook = (async (): Promise<DetailWorkbookTask> => {
        const { figures, rounds } = await stream;
        const unmatched = await ctx.liveStore.unmatchedCheckins(corpId, livingid, {});
        return {
          path: stored.path,
          workbook: {
            live,
            figures,
            rounds,
            unmatched: unmatched.rows,
            inviterSupported: supported,
            charts,
            profileCharts,
            // Times in the workbook are Excel dates of the installation's zone (docs/architecture.md).
            timeZone: ctx.timeZone,
            exportedAt: Date.now(),
            messageInvites: await new Invitations(ctx.db).firstInvites(corpId, livingid, liveEndMs(live)),
          },
        };
      })();
      async function* viewerPages(): AsyncGenerator<ViewerColumns> {
        const { figures, pages } = await stream;
        for await (const page of pages) {
          yield packViewers(page);
          rows += page.length;
          // The head of the progress shows rows / viewers itself.
          job.progress(rows, figures.viewers, '正在写入 Excel（观众明细）');
        }
      }
      await ctx.workers.run<DetailWorkbookTask, void, ViewerColumns>(DETAIL_WORKBOOK_WORKER, workbook, {
        signal: job.signal,
        chunks: viewerPages(),
      });
    } catch (error) {
      rmSync(dirname(stored.path), { recursive: true, force: true });
      throw error;
    }
    const finished = await ctx.files.finalize(stored.fileId);
    job.progress(1, 1, '已完成');
    return { fileId: finished.fileId, fileName: finished.name, rows };
  };
}

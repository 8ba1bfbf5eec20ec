import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileStamp } from '../../../sdk/contracts/zoned-time.js';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { LiveRecord, ViewerDetail } from '../../../sdk/contracts/lives.js';
import type { LiveDetailExportResult } from '../shared/live-detail-api.js';
import { viewerChartCards } from '../shared/viewer-chart-options.js';
import type { ChartResult } from '../../../sdk/main/charts/index.js';
import { DETAIL_WORKBOOK_WORKER, type DetailWorkbookTask } from './detail-workbook-worker.js';
import { PROFILE_CHARTS_WORKER, type ProfileChartsTask } from './profile-charts-worker.js';
import { inviterSupported, messageInvitesOf } from './live-detail.js';
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
    job.progress(0, 2, '读取观众明细');
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
      // The rows are read while the workbook's worker starts and loads exceljs (a 100,000-viewer live's
      // rows take most of a second); the worker builds the workbook, so the host keeps answering.
      const workbook = (async (): Promise<DetailWorkbookTask> => {
        const all = await ctx.liveStore.viewerDetails(corpId, livingid, {});
        const unmatched = await ctx.liveStore.unmatchedCheckins(corpId, livingid, {});
        rows = all.rows.length;
        job.progress(1, 2, '写入 Excel');
        return {
          path: stored.path,
          workbook: {
            live,
            anchorName: anchorName(live, all.rows),
            viewers: all.rows,
            rounds: all.rounds,
            unmatched: unmatched.rows,
            inviterSupported: supported,
            charts,
            profileCharts,
            // Times in the workbook are Excel dates of the installation's zone (docs/architecture.md).
            timeZone: ctx.timeZone,
            exportedAt: Date.now(),
            messageInvites: await messageInvitesOf(ctx, corpId, live, all.rows),
          },
        };
      })();
      await ctx.workers.run<DetailWorkbookTask, void>(DETAIL_WORKBOOK_WORKER, workbook, {
        signal: job.signal,
      });
    } catch (error) {
      rmSync(dirname(stored.path), { recursive: true, force: true });
      throw error;
    }
    const finished = await ctx.files.finalize(stored.fileId);
    job.progress(2, 2, '已完成');
    return { fileId: finished.fileId, fileName: finished.name, rows };
  };
}

/** The anchor's name: as typed at creation, else as the anchor shows among the viewers (cache-named). */
function anchorName(live: LiveRecord, viewers: readonly ViewerDetail[]): string | null {
  if (live.anchorName !== null && live.anchorName !== '') return live.anchorName;
  const asViewer = viewers.find(
    (viewer) => viewer.kind === 'internal' && viewer.viewerId === live.anchorUserid,
  );
  return asViewer !== undefined && asViewer.name !== '' ? asViewer.name : null;
}

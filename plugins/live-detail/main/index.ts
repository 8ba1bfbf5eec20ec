// The live-detail feature plugin (R5, R7): one live's viewers joined with check-ins, the viewer
// profile, and the detail export. Its landing page picks a local live.
import { AppError } from '../../../sdk/contracts/errors.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import { CANDIDATES, EXPORT, GET, RESOLVE, UNMATCHED } from '../shared/channels.js';
import { EXPORT_JOB, exportJob, type ExportJobInput } from './export-job.js';
import { registerInvitations } from './invite-channels.js';
import { localDetail } from './live-detail.js';
import { registerLiveSurface } from './live-surface.js';
import { refreshLive } from './refresh-live.js';

export default definePlugin({
  activate(ctx) {
    ctx.scheduler.registerJob(EXPORT_JOB, exportJob(ctx));
    registerInvitations(ctx);
    registerLiveSurface(ctx);

    ctx.handle(GET, async (input, call) => {
      const corpId = call.corp.corpId;
      const notices =
        input.refresh === true
          ? await refreshLive(ctx, call, corpId, input.livingid, {
              recheckNames: input.recheckNames === true,
            })
          : [];
      return localDetail(ctx, corpId, input, notices);
    });

    // Check-in rows kept without a viewer (no viewer or several with the name), page by page.
    ctx.handle(UNMATCHED, async (input, call) =>
      ctx.liveStore.unmatchedCheckins(call.corp.corpId, input.livingid, {
        ...(input.keyword === undefined || input.keyword === '' ? {} : { keyword: input.keyword }),
        page: input.page,
        pageSize: input.pageSize,
      }),
    );

    // An ambiguous check-in row: the viewers it may belong to (same normalised name, fitting origin).
    ctx.handle(CANDIDATES, async (input, call) =>
      ctx.liveStore.checkinCandidates(call.corp.corpId, input.livingid, {
        roundNo: input.roundNo,
        rowNo: input.rowNo,
        memberLabel: input.memberLabel,
      }),
    );

    // "这是他/她": the pick is kept across re-imports of the same workbook and counts at once.
    ctx.handle(RESOLVE, async (input, call) => {
      const corpId = call.corp.corpId;
      const { livingid, ...resolution } = input;
      const viewer = await ctx.liveStore.resolveCheckin(corpId, livingid, resolution, call.user.userid);
      await ctx.audit.record(call, {
        action: 'resolveCheckin',
        target: `${livingid} 第 ${input.roundNo} 轮第 ${input.rowNo} 行「${input.memberLabel}」→ ${viewer.name}（${viewer.viewerId}）`,
      });
      return viewer;
    });

    ctx.handle(EXPORT, async (input, call) => {
      const corpId = call.corp.corpId;
      if ((await ctx.liveStore.get(corpId, input.livingid)) === undefined) {
        throw new AppError('NOT_FOUND', `本地没有这场直播：${input.livingid}`, { livingid: input.livingid });
      }
      const job: ExportJobInput = { corpId, livingid: input.livingid, withCharts: input.withCharts === true };
      return ctx.scheduler.start(EXPORT_JOB, job, call);
    });
  },
});

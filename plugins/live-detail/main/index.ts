// The live-detail feature plugin (R5, R7): one live's viewers joined with check-ins, the viewer
// profile, and the detail export. Its landing page picks a local live.
import { AppError } from '../../../sdk/contracts/errors.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import type { CallContext } from '../../../sdk/main/plugin-context.js';
import { EXPORT_JOB, exportJob, type ExportJobInput } from './export-job.js';
import {
  CandidatesSchema,
  ExportSchema,
  GetDetailSchema,
  ResolveSchema,
  UnmatchedSchema,
} from './input-schemas.js';
import { registerInvitations } from './invite-channels.js';
import { localDetail } from './live-detail.js';
import { registerLiveSurface } from './live-surface.js';
import { refreshLive } from './refresh-live.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

function corpOf(call: CallContext): string {
  // The channels are registered with requiresCorp: the host has checked it already.
  if (call.corp === null) throw new AppError('FORBIDDEN', '此操作需要先登录企业。', { requiresCorp: true });
  return call.corp.corpId;
}

export default definePlugin({
  activate(ctx) {
    ctx.scheduler.registerJob(EXPORT_JOB, exportJob(ctx));
    registerInvitations(ctx);
    registerLiveSurface(ctx);

    ctx.handle('get', { input: GetDetailSchema, ...guard }, async (input, call) => {
      const corpId = corpOf(call);
      const notices = input.refresh === true ? await refreshLive(ctx, call, corpId, input.livingid) : [];
      return localDetail(ctx, corpId, input, notices);
    });

    // Check-in rows kept without a viewer (no viewer or several with the name), page by page.
    ctx.handle('unmatched', { input: UnmatchedSchema, ...guard }, async (input, call) =>
      ctx.liveStore.unmatchedCheckins(corpOf(call), input.livingid, {
        ...(input.keyword === undefined || input.keyword === '' ? {} : { keyword: input.keyword }),
        page: input.page,
        pageSize: input.pageSize,
      }),
    );

    // An ambiguous check-in row: the viewers it may belong to (same normalised name, fitting origin).
    ctx.handle('candidates', { input: CandidatesSchema, ...guard }, async (input, call) =>
      ctx.liveStore.checkinCandidates(corpOf(call), input.livingid, {
        roundNo: input.roundNo,
        rowNo: input.rowNo,
        memberLabel: input.memberLabel,
      }),
    );

    // "这是他/她": the pick is kept across re-imports of the same workbook and counts at once.
    ctx.handle('resolve', { input: ResolveSchema, ...guard }, async (input, call) => {
      const corpId = corpOf(call);
      const { livingid, ...resolution } = input;
      const viewer = await ctx.liveStore.resolveCheckin(
        corpId,
        livingid,
        resolution,
        call.user?.userid ?? null,
      );
      await ctx.audit.record(call, {
        action: 'resolveCheckin',
        target: `${livingid} 第 ${input.roundNo} 轮第 ${input.rowNo} 行「${input.memberLabel}」→ ${viewer.name}（${viewer.viewerId}）`,
      });
      return viewer;
    });

    ctx.handle('export', { input: ExportSchema, ...guard }, async (input, call) => {
      const corpId = corpOf(call);
      if ((await ctx.liveStore.get(corpId, input.livingid)) === undefined) {
        throw new AppError('NOT_FOUND', `本地没有这场直播：${input.livingid}`, { livingid: input.livingid });
      }
      const job: ExportJobInput = { corpId, livingid: input.livingid, withCharts: input.withCharts === true };
      return ctx.scheduler.start(EXPORT_JOB, job, call);
    });
  },
});

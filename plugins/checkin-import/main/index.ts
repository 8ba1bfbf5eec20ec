// The checkin-import feature plugin (R6): preview and import a WeCom check-in workbook into a live's
// details, as jobs with progress; plus the live picker of its page.
import type { ChannelParsedInput, CorpCall } from '../../../sdk/contracts/channel.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import type { CheckinLiveOption } from '../shared/checkin-api.js';
import { IMPORT, LIVE, PREPARE, PREVIEW, ROWS } from '../shared/channels.js';
import { checkinJob, IMPORT_JOB, PREVIEW_JOB, type CheckinJobInput } from './checkin-job.js';
import { memberRowsRetention, readMemberRows } from './preview-rows.js';
import { PARSE_WORKER } from './workbook-worker.js';

export default definePlugin({
  activate(ctx) {
    ctx.scheduler.registerJob(PREVIEW_JOB, checkinJob(ctx, false));
    ctx.scheduler.registerJob(IMPORT_JOB, checkinJob(ctx, true));
    ctx.retention.register(memberRowsRetention());
    const previewKind = `${ctx.id}.${PREVIEW_JOB}`;

    const startJob =
      (kind: string) =>
      async ({ livingid, fileId }: ChannelParsedInput<typeof PREVIEW>, call: CorpCall) =>
        ctx.scheduler.start<CheckinJobInput>(kind, await jobInput(ctx, call, livingid, fileId), call);
    ctx.handle(PREVIEW, startJob(PREVIEW_JOB));
    ctx.handle(IMPORT, startJob(IMPORT_JOB));

    // A preview's member rows, page by page: only for whom `jobs.get` shows the job.
    ctx.handle(ROWS, async (query, call) => {
      const job = await ctx.scheduler.get(query.jobId, call);
      if (job.kind !== previewKind) {
        throw new AppError('NOT_FOUND', '不是签到预览任务。', { jobId: query.jobId });
      }
      if (job.state !== 'done') {
        throw new AppError('CONFLICT', '签到表尚未读取完成。', { jobId: query.jobId, state: job.state });
      }
      return readMemberRows(ctx.db, query);
    });

    ctx.handle(PREPARE, () => {
      ctx.workers.prepare(PARSE_WORKER);
      return Promise.resolve(null);
    });

    ctx.handle(LIVE, async ({ livingid }, call) =>
      toOption(await requireLive(ctx, call.corp.corpId, livingid)),
    );
  },
});

async function jobInput(
  ctx: PluginContext,
  call: CorpCall,
  livingid: string,
  fileId: string,
): Promise<CheckinJobInput> {
  const corpId = call.corp.corpId;
  await requireLive(ctx, corpId, livingid);
  // NOT_FOUND unless the upload is the caller's own.
  const file = await ctx.files.get(fileId, call);
  return { corpId, livingid, fileId, filePath: file.path, fileName: file.name };
}

async function requireLive(ctx: PluginContext, corpId: string, livingid: string): Promise<LiveRecord> {
  const live = await ctx.liveStore.get(corpId, livingid);
  if (live === undefined) {
    throw new AppError('NOT_FOUND', `本地没有这场直播（${livingid}）：请先同步或打开该直播`, { livingid });
  }
  return live;
}

function toOption(live: LiveRecord): CheckinLiveOption {
  return {
    livingid: live.livingid,
    theme: live.theme,
    start: live.actualStart ?? live.reserveStart,
    status: live.status,
  };
}

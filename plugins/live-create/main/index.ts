// The live-create feature plugin (R3): create a reserved live, keep it in the live store, pull its
// details on schedule (R3.2), and modify it before it starts (R3.3).
import { AppError } from '../../../sdk/contracts/errors.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import type { LiveWithPulls } from '../shared/live-create-api.js';
import { LiveCreator, sessionOf } from './create-live.js';
import {
  CheckImageSchema,
  CreateLiveSchema,
  GetLiveSchema,
  ModifyLiveSchema,
  RecentLivesSchema,
} from './input-schemas.js';
import { previewImage } from './live-images.js';
import { modifyLive } from './modify-live.js';
import { pullJob } from './pull-job.js';
import { PULL_JOB, planPulls } from './pull-plan.js';
import { requestRetention } from './request-retention.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

export default definePlugin({
  activate(ctx) {
    const creator = new LiveCreator(ctx);
    ctx.scheduler.registerJob(PULL_JOB, pullJob(ctx));
    ctx.retention.register(requestRetention());

    ctx.handle('create', { input: CreateLiveSchema, ...guard }, (input, call) => creator.create(input, call));
    ctx.handle('checkImage', { input: CheckImageSchema, ...guard }, ({ field, fileId }, call) =>
      previewImage(ctx, field, fileId, call),
    );
    ctx.handle('modify', { input: ModifyLiveSchema, ...guard }, (input, call) =>
      modifyLive(ctx, input, call),
    );
    ctx.handle(
      'get',
      { input: GetLiveSchema, ...guard },
      async ({ livingid }, call): Promise<LiveWithPulls> => {
        const { corp } = sessionOf(call);
        const live = await ctx.liveStore.get(corp.corpId, livingid);
        if (live === undefined) throw new AppError('NOT_FOUND', '本地没有这场直播。', { livingid });
        return { live, pulls: live.createdByUs ? planPulls(live) : [] };
      },
    );
    // The caller's own lives created here, newest first: the page's 最近创建 list.
    ctx.handle('recent', { input: RecentLivesSchema, ...guard }, async ({ limit }, call) => {
      const { corp, user } = sessionOf(call);
      const page = await ctx.liveStore.list(corp.corpId, {
        creatorUserid: user.userid,
        createdByUs: true,
        page: 1,
        pageSize: limit,
        sort: { field: 'createdAt', direction: 'desc' },
      });
      return {
        rows: page.rows.map((live): LiveWithPulls => ({ live, pulls: planPulls(live) })),
        total: page.total,
      };
    });
  },
});

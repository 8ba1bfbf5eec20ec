// The live-create feature plugin (R3): create a reserved live, keep it in the live store, pull its
// details on schedule (R3.2), and modify it before it starts (R3.3).
import { AppError } from '../../../sdk/contracts/errors.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import { CHECK_IMAGE, CREATE, GET, MODIFY, RECENT } from '../shared/channels.js';
import type { LiveWithPulls } from '../shared/live-create-api.js';
import { LiveCreator } from './create-live.js';
import { previewImage } from './live-images.js';
import { modifyLive } from './modify-live.js';
import { pullJob } from './pull-job.js';
import { PULL_JOB, planPulls } from './pull-plan.js';
import { requestRetention } from './request-retention.js';

export default definePlugin({
  activate(ctx) {
    const creator = new LiveCreator(ctx);
    ctx.scheduler.registerJob(PULL_JOB, pullJob(ctx));
    ctx.retention.register(requestRetention());

    ctx.handle(CREATE, (input, call) => creator.create(input, call));
    ctx.handle(CHECK_IMAGE, ({ field, fileId }, call) => previewImage(ctx, field, fileId, call));
    ctx.handle(MODIFY, (input, call) => modifyLive(ctx, input, call));
    ctx.handle(GET, async ({ livingid }, call) => {
      const live = await ctx.liveStore.get(call.corp.corpId, livingid);
      if (live === undefined) throw new AppError('NOT_FOUND', '本地没有这场直播。', { livingid });
      return { live, pulls: live.createdByUs ? planPulls(live) : [] };
    });
    ctx.handle(RECENT, async ({ limit }, call) => {
      const page = await ctx.liveStore.list(call.corp.corpId, {
        creatorUserid: call.user.userid,
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

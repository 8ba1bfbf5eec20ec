// The live-list feature plugin (R4.1–R4.5, R7.1): the corp's lives from the local store, searchable and
// paged; a member's lives synced from WeCom; a reserved live cancelled; the list exported to Excel.
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import { CANCEL, EXPORT, QUERY, SYNC } from '../shared/channels.js';
import { cancelLive } from './cancel-live.js';
import { EXPORT_JOB, exportJob } from './export-job.js';
import { listPage } from './list-rows.js';
import { SYNC_JOB, syncJob } from './sync-job.js';

export default definePlugin({
  activate(ctx) {
    ctx.scheduler.registerJob(SYNC_JOB, syncJob(ctx));
    ctx.scheduler.registerJob(EXPORT_JOB, exportJob(ctx));

    ctx.handle(QUERY, ({ page, pageSize, ...filters }, call) =>
      listPage(ctx.liveStore, call.corp.corpId, filters, page, pageSize),
    );
    ctx.handle(SYNC, ({ userid }, call) => ctx.scheduler.start(SYNC_JOB, { userid }, call));
    ctx.handle(CANCEL, ({ livingid }, call) => cancelLive(ctx, livingid, call));
    ctx.handle(EXPORT, (input, call) => ctx.scheduler.start(EXPORT_JOB, input, call));
  },
});

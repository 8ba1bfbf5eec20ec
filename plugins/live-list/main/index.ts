// The live-list feature plugin (R4.1–R4.5, R7.1): the corp's lives from the local store, searchable and
// paged; a member's lives synced from WeCom; a reserved live cancelled; the list exported to Excel.
import { AppError } from '../../../sdk/contracts/errors.js';
import { definePlugin } from '../../../sdk/main/define-plugin.js';
import type { CallContext } from '../../../sdk/main/plugin-context.js';
import type { JobStarted, LiveListPage } from '../shared/live-list-api.js';
import { cancelLive } from './cancel-live.js';
import { EXPORT_JOB, exportJob } from './export-job.js';
import { CancelSchema, ExportSchema, QuerySchema, SyncSchema } from './input-schemas.js';
import { listPage } from './list-rows.js';
import { SYNC_JOB, syncJob } from './sync-job.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

function corpIdOf(call: CallContext): string {
  const corpId = call.corp?.corpId;
  if (corpId === undefined) throw new AppError('FORBIDDEN', '直播列表需要企业微信登录。');
  return corpId;
}

export default definePlugin({
  activate(ctx) {
    ctx.scheduler.registerJob(SYNC_JOB, syncJob(ctx));
    ctx.scheduler.registerJob(EXPORT_JOB, exportJob(ctx));

    // Local data only (R4.1, R4.4): WeCom is asked only by `sync`.
    ctx.handle(
      'query',
      { input: QuerySchema, ...guard },
      ({ page, pageSize, ...filters }, call): Promise<LiveListPage> =>
        listPage(ctx.liveStore, corpIdOf(call), filters, page, pageSize),
    );
    ctx.handle('sync', { input: SyncSchema, ...guard }, ({ userid }, call): Promise<JobStarted> => {
      corpIdOf(call);
      return ctx.scheduler.start(SYNC_JOB, { userid }, call);
    });
    ctx.handle('cancel', { input: CancelSchema, ...guard }, ({ livingid }, call) =>
      cancelLive(ctx, livingid, call),
    );
    ctx.handle('export', { input: ExportSchema, ...guard }, (input, call): Promise<JobStarted> => {
      corpIdOf(call);
      return ctx.scheduler.start(EXPORT_JOB, input, call);
    });
  },
});

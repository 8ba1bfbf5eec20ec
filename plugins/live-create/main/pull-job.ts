import { lastValueFrom, toArray } from 'rxjs';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import { schedulePull, type PullJobInput } from './pull-plan.js';

const LIVE = 1;
const ENDED = 2;
/** A final pull that finds the live still on (or not started yet) looks again this much later… */
const FINAL_RETRY_MS = 30 * 60_000;
/** …at most this many times (a day), then WeCom's own expiry (status 3) is left to the live list. */
const FINAL_MAX_ROUNDS = 48;

export interface PullResult {
  status: number | null;
  viewers: number | null;
  rescheduled: boolean;
}

/**
 * One detail pull: get_living_info merged into the store, then, once the live has started, every page of
 * get_watch_stat (to `ending` = 1) merged too. The final pull schedules itself again while the live is
 * not over, since WeCom moves a live to "ended" only when the anchor stops it.
 */
export function pullJob(ctx: PluginContext) {
  return async (job: JobContext<PullJobInput>): Promise<PullResult> => {
    const { corpId, livingid, stage } = job.input;
    const gateway = await ctx.wecom.forCorp(corpId);
    job.progress(0, 2, '拉取直播详情');
    const info = await gateway.getLivingInfo(livingid, { signal: job.signal });
    const live = await ctx.liveStore.mergeLivingInfo(corpId, livingid, info);
    let viewers: number | null = null;
    if (live.status === LIVE || live.status === ENDED) {
      job.progress(1, 2, '拉取观看明细');
      const pages = await lastValueFrom(gateway.watchStat$(livingid).pipe(toArray()));
      viewers = (await ctx.liveStore.mergeWatchStats(corpId, livingid, pages)).viewers;
    }
    job.progress(2, 2, '已完成');
    const round = job.input.round ?? 0;
    const notOver = live.status === 0 || live.status === LIVE;
    const rescheduled = stage === 'after-end' && notOver && round < FINAL_MAX_ROUNDS;
    if (rescheduled) {
      await schedulePull(
        ctx,
        { ...job.input, round: round + 1 },
        Date.now() + FINAL_RETRY_MS,
        job.owner?.userid ?? null,
      );
    }
    job.log.info({ livingid, stage, status: live.status, viewers, rescheduled }, 'live detail pulled');
    return { status: live.status, viewers, rescheduled };
  };
}

import { lastValueFrom, toArray } from 'rxjs';
import { AppError, isAppError } from '../../../sdk/contracts/errors.js';
import {
  MEMBER_NAMES_DENIED_NOTICE,
  resolveMemberNames,
  type MemberNamesResult,
} from '../../../sdk/main/member-names.js';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import { WeComError } from '../../../sdk/wecom/errors.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import type { LiveSyncResult } from '../shared/live-list-api.js';

export const SYNC_JOB = 'sync';

export interface SyncJobInput {
  userid: string;
}

const LIVE = 1;
const ENDED = 2;
const EXPIRED = 3;
/** user/get errcodes that mean "this app may not read that member": a permission to grant, not a fault. */
/**
 * `live-list.sync` (R4.4): every live WeCom lists for the member (get_user_all_livingid, all cursor
 * pages), each one's get_living_info and, once it has started, every page of get_watch_stat (to
 * `ending` = 1), merged one live per transaction by the store. Pulling twice changes nothing but the
 * sync times. Inviters the local rules leave unnamed are asked of user/get (R4.6 rule 5).
 */
export function syncJob(ctx: PluginContext) {
  return async (job: JobContext<SyncJobInput>): Promise<LiveSyncResult> => {
    const corpId = job.corpId;
    if (corpId === null) throw new AppError('FORBIDDEN', '同步直播需要企业微信登录。');
    const { userid } = job.input;
    const gateway = await ctx.wecom.forCorp(corpId);
    job.progress(0, 0, `正在读取 ${userid} 的直播列表…`);
    const livingids = await lastValueFrom(gateway.userLivingIds$(userid).pipe(toArray()));
    job.signal.throwIfAborted();
    const result: LiveSyncResult = {
      userid,
      lives: livingids.length,
      viewers: 0,
      namedInviters: 0,
      failed: [],
      notes: [],
    };
    const unnamed = new Map<string, string[]>();
    // The stats of lives with unnamed inviters, merged again once user/get named them (no second pull).
    const pagesOf = new Map<string, WatchStatPage[]>();
    for (const [index, livingid] of livingids.entries()) {
      job.progress(index, livingids.length, `第 ${index + 1}/${livingids.length} 场：${livingid}`);
      try {
        const info = await gateway.getLivingInfo(livingid, { signal: job.signal });
        const live = await ctx.liveStore.mergeLivingInfo(corpId, livingid, info);
        if (live.status === LIVE || live.status === ENDED || live.status === EXPIRED) {
          const pages = await lastValueFrom(gateway.watchStat$(livingid).pipe(toArray()));
          job.signal.throwIfAborted();
          const merged = await ctx.liveStore.mergeWatchStats(corpId, livingid, pages);
          result.viewers += merged.viewers;
          for (const inviter of merged.unnamedInviters) {
            if (inviter.kind !== 'internal') continue;
            unnamed.set(inviter.id, [...(unnamed.get(inviter.id) ?? []), livingid]);
            pagesOf.set(livingid, pages);
          }
        }
      } catch (error) {
        job.signal.throwIfAborted();
        // One unreadable live does not lose the others; a corp-wide problem (IP, token) fails the job.
        if (!(error instanceof WeComError) || error.code !== 'WECOM_ERROR') throw error;
        result.failed.push({ livingid, message: error.message });
      }
    }
    job.progress(livingids.length, livingids.length, '正在补全邀请人姓名…');
    await nameInviters(ctx, job, gateway, corpId, unnamed, pagesOf, result);
    job.progress(livingids.length, livingids.length, summary(result));
    job.log.info(
      { userid, lives: result.lives, viewers: result.viewers, failed: result.failed.length },
      'member lives synced',
    );
    return result;
  };
}

/**
 * R4.6 rule 5: user/get for members the local rules could not name. A name found is cached and the
 * lives that needed it are merged again (same pages) so the store's name cache names them; a permission error leaves the name
 * empty and says which permission to grant.
 */
async function nameInviters(
  ctx: PluginContext,
  job: JobContext<SyncJobInput>,
  gateway: WeComGateway,
  corpId: string,
  unnamed: ReadonlyMap<string, string[]>,
  pagesOf: ReadonlyMap<string, WatchStatPage[]>,
  result: LiveSyncResult,
): Promise<void> {
  let found: MemberNamesResult;
  try {
    found = await resolveMemberNames(gateway, ctx.liveStore, corpId, unnamed.keys(), job.signal);
  } catch (error) {
    // The lives are stored already: a lookup that cannot go on costs only the names, said in a note.
    if (!isAppError(error) || error.code === 'WECOM_IP_NOT_ALLOWED') throw error;
    result.notes.push(`邀请人姓名未能补全：${error.message}`);
    return;
  }
  result.namedInviters += found.named.length;
  // The lives of newly named inviters are merged again (same pages) so the name cache names them.
  const relive = new Set(found.named.flatMap((userid) => unnamed.get(userid) ?? []));
  for (const livingid of relive) {
    job.signal.throwIfAborted();
    await ctx.liveStore.mergeWatchStats(corpId, livingid, pagesOf.get(livingid) ?? []);
  }
  if (found.denied) result.notes.push(MEMBER_NAMES_DENIED_NOTICE);
}

function summary(result: LiveSyncResult): string {
  const parts = [`已同步 ${result.lives} 场直播、${result.viewers} 条观看记录`];
  if (result.failed.length > 0) parts.push(`${result.failed.length} 场读取失败`);
  return parts.join('，');
}

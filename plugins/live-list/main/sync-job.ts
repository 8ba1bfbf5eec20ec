import { lastValueFrom, toArray } from 'rxjs';
import { AppError, isAppError } from '../../../sdk/contracts/errors.js';
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
const NO_PERMISSION = new Set([48002, 60011]);
const PERMISSION_NOTE =
  '部分邀请人的姓名无法读取：请在企业微信管理后台为本应用开通「通讯录读取权限」，或把这些成员加入应用的「可见范围」，然后再同步一次。';

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
  const relive = new Set<string>();
  let denied = false;
  for (const [userid, lives] of unnamed) {
    job.signal.throwIfAborted();
    try {
      const name = await gateway.userName(userid);
      if (name === '') continue;
      await ctx.liveStore.rememberName(corpId, { kind: 'internal', id: userid, name, source: 'user-get' });
      result.namedInviters += 1;
      for (const livingid of lives) relive.add(livingid);
    } catch (error) {
      if (error instanceof WeComError && NO_PERMISSION.has(error.errcode)) denied = true;
      else if (!isAppError(error)) throw error;
      // Anything else WeCom answers (an unknown member, …) leaves this one name empty.
    }
  }
  for (const livingid of relive) {
    job.signal.throwIfAborted();
    await ctx.liveStore.mergeWatchStats(corpId, livingid, pagesOf.get(livingid) ?? []);
  }
  if (denied) result.notes.push(PERMISSION_NOTE);
}

function summary(result: LiveSyncResult): string {
  const parts = [`已同步 ${result.lives} 场直播、${result.viewers} 条观看记录`];
  if (result.failed.length > 0) parts.push(`${result.failed.length} 场读取失败`);
  return parts.join('，');
}

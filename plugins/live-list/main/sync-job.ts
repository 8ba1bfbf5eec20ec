import { AppError, isAppError } from '../../../sdk/contracts/errors.js';
import {
  MEMBER_NAMES_DENIED_NOTICE,
  resolveMemberNames,
  type MemberNamesResult,
} from '../../../sdk/main/inviter-naming.js';
import type { JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import type { WatchStatPage } from '../../../sdk/wecom/models.js';
import type { LiveSyncResult } from '../shared/live-list-api.js';
import { BatchingWriter, collect, forEachConcurrently, SerialWriter } from './concurrency.js';
import { SyncCheckpoint } from './sync-checkpoint.js';
import {
  isLiveOnly,
  isTransient,
  mergeLives,
  pullLive,
  writeWeight,
  type MergedLive,
  type PulledLive,
} from './sync-live.js';

export const SYNC_JOB = 'sync';

export interface SyncJobInput {
  userid: string;
}

/** Lives pulled at once: the gateway's default concurrency (its limiter stays the real bound). */
const LIVE_LANES = 16;
/** Parallel user/get lanes for R4.6 rule 5. */
const NAME_LANES = 8;
/** Passes over the lives that failed transiently (the gateway retried each call already). */
const ROUNDS = 3;
const ROUND_PAUSE_MS = 1_000;
/**
 * What one write transaction of pulled lives should take at most: the store's connection is the host's
 * only one, so a request waits for at most about this long. Batches are sized by the time the last ones
 * took (a first guess of 0.05 ms per viewer row: two 500-viewer lives).
 */
const BATCH_TARGET_MS = 50;
const FIRST_MS_PER_ROW = 0.05;

interface SyncState {
  result: LiveSyncResult;
  done: number;
  total: number;
  /** Member userid → the lives whose viewers it invited while unnamed. */
  unnamed: Map<string, string[]>;
  /** Pages of lives with unnamed inviters, merged again once user/get named them (no second pull). */
  pagesOf: Map<string, WatchStatPage[]>;
}

/**
 * `live-list.sync` (R4.4): every live WeCom lists for the member (get_user_all_livingid, all cursor
 * pages), each one's get_living_info and, once it has started, every page of get_watch_stat (to
 * `ending` = 1). Lives are pulled in parallel lanes through the gateway (which keeps the rate limits and
 * the in-flight cap) while their writes go through one writer, the lives pulled meanwhile in one store
 * transaction sized by time (a live is whole or absent).
 * Lives failing transiently get further rounds; a finished live is recorded so a job stopped by a
 * shutdown resumes where it was. Inviters the local rules leave unnamed are asked of user/get (R4.6
 * rule 5), in parallel too. Pulling twice changes nothing but the sync times.
 */
export function syncJob(ctx: PluginContext) {
  return async (job: JobContext<SyncJobInput>): Promise<LiveSyncResult> => {
    const corpId = job.corpId;
    if (corpId === null) throw new AppError('FORBIDDEN', '同步直播需要企业微信登录。');
    const gateway = await ctx.wecom.forCorp(corpId);
    const checkpoint = new SyncCheckpoint(ctx.db, job.jobId);
    try {
      const result = await syncMember(ctx, job, gateway, corpId, checkpoint);
      await checkpoint.clear();
      return result;
    } catch (error) {
      // A shutdown keeps the checkpoint for the next start; a cancel or a failure ends the job for good.
      if (!job.signal.aborted || isAppError(job.signal.reason)) await checkpoint.clear();
      throw error;
    }
  };
}

async function syncMember(
  ctx: PluginContext,
  job: JobContext<SyncJobInput>,
  gateway: WeComGateway,
  corpId: string,
  checkpoint: SyncCheckpoint,
): Promise<LiveSyncResult> {
  const { userid } = job.input;
  job.progress(0, 0, `正在读取 ${userid} 的直播列表…`);
  // A livingid repeated across cursor pages is pulled once.
  const livingids = [...new Set(await collect(gateway.userLivingIds$(userid), job.signal))];
  const finishedBefore = await checkpoint.load(Date.now());
  const state: SyncState = {
    result: { userid, lives: livingids.length, viewers: 0, namedInviters: 0, failed: [], notes: [] },
    done: 0,
    total: livingids.length,
    unnamed: new Map(),
    pagesOf: new Map(),
  };
  for (const livingid of livingids) {
    const before = finishedBefore.get(livingid);
    if (before === undefined) continue;
    state.done += 1;
    state.result.viewers += before.viewers;
    for (const inviter of before.unnamedInviters) noteUnnamed(state, inviter, livingid);
  }
  if (state.done > 0) job.progress(state.done, state.total, `继续上次未完成的同步：已完成 ${state.done} 场`);
  const writer = new SerialWriter();
  let pending = livingids.filter((livingid) => !finishedBefore.has(livingid));
  for (let round = 1; pending.length > 0; round += 1) {
    const retry = await syncRound(ctx, job, gateway, corpId, checkpoint, writer, pending, state);
    if (retry.length === 0) break;
    if (round >= ROUNDS) {
      for (const { livingid, error } of retry) state.result.failed.push({ livingid, message: error.message });
      break;
    }
    await sleep(ROUND_PAUSE_MS * round, job.signal);
    pending = retry.map((entry) => entry.livingid);
  }
  job.progress(state.done, state.total, '正在补全邀请人姓名…');
  await nameInviters(ctx, job, gateway, corpId, writer, state);
  state.result.userid = await wecomSpelling(ctx, corpId, userid, livingids);
  job.progress(state.total, state.total, summary(state.result));
  job.log.info(
    { userid, lives: state.result.lives, viewers: state.result.viewers, failed: state.result.failed.length },
    'member lives synced',
  );
  return state.result;
}

/**
 * The member's userid as WeCom spells it: userids compare case-insensitively, so a member typed (or
 * offered from the session, which keeps ids in lower case) as 「linyong」 is 「LinYong」 in the anchor of
 * their stored lives. Looks at the first few lives only; the typed spelling when none shows it.
 */
async function wecomSpelling(
  ctx: PluginContext,
  corpId: string,
  userid: string,
  livingids: readonly string[],
): Promise<string> {
  for (const livingid of livingids.slice(0, 5)) {
    const anchor = (await ctx.liveStore.get(corpId, livingid))?.anchorUserid;
    if (anchor !== undefined && anchor.toLowerCase() === userid.toLowerCase()) return anchor;
  }
  return userid;
}

/** One pass over `livingids`; answers the lives that failed transiently (for another round). */
async function syncRound(
  ctx: PluginContext,
  job: JobContext<SyncJobInput>,
  gateway: WeComGateway,
  corpId: string,
  checkpoint: SyncCheckpoint,
  writer: SerialWriter,
  livingids: readonly string[],
  state: SyncState,
): Promise<Array<{ livingid: string; error: AppError }>> {
  const retry: Array<{ livingid: string; error: AppError }> = [];
  let stored = 0;
  // Lives pulled meanwhile are written together: one transaction writes the hot index pages once.
  const batches = new BatchingWriter<PulledLive, MergedLive>(
    writer,
    (lives) => mergeLives(ctx.liveStore, checkpoint, corpId, lives, Date.now),
    BATCH_TARGET_MS,
    FIRST_MS_PER_ROW,
  );
  await forEachConcurrently(livingids, LIVE_LANES, job.signal, async (livingid, signal) => {
    try {
      const pulled = await pullLive(gateway, livingid, signal);
      signal.throwIfAborted();
      const merged = await batches.add(pulled, writeWeight(pulled));
      stored += 1;
      state.done += 1;
      state.result.viewers += merged.viewers;
      for (const inviter of merged.unnamedInviters) noteUnnamed(state, inviter, livingid);
      if (merged.pages !== null) state.pagesOf.set(livingid, merged.pages);
      // A person recognises a live by its theme (get_living_info answered it), not its livingid.
      const name = pulled.info.theme.trim() === '' ? livingid : `「${pulled.info.theme.trim()}」`;
      job.progress(state.done, state.total, `已同步 ${state.done}/${state.total} 场：${name}`);
    } catch (error) {
      signal.throwIfAborted();
      if (isTransient(error) && isAppError(error)) retry.push({ livingid, error });
      else if (isLiveOnly(error)) state.result.failed.push({ livingid, message: error.message });
      // Anything corp-wide (60020, a wrong secret) or local (the database) fails the job.
      else throw error;
    }
  });
  // A whole pass that stored nothing because WeCom could not be reached: stop rather than go round again.
  const [first] = retry;
  if (first && stored === 0 && retry.every((entry) => entry.error.code === 'WECOM_UNREACHABLE')) {
    throw first.error;
  }
  return retry;
}

function noteUnnamed(state: SyncState, inviter: string, livingid: string): void {
  state.unnamed.set(inviter, [...(state.unnamed.get(inviter) ?? []), livingid]);
}

/**
 * R4.6 rule 5: user/get for members the local rules could not name. A name found is cached and the
 * lives that needed it are merged again (same pages; pulled again only for lives a resumed job finished
 * before) so the store names them; a permission error leaves the name empty and says which permission
 * to grant.
 */
async function nameInviters(
  ctx: PluginContext,
  job: JobContext<SyncJobInput>,
  gateway: WeComGateway,
  corpId: string,
  writer: SerialWriter,
  state: SyncState,
): Promise<void> {
  if (state.unnamed.size === 0) return;
  let found: MemberNamesResult;
  try {
    const members = [...state.unnamed.keys()].map((id) => ({ kind: 'internal' as const, id }));
    found = await resolveMemberNames(gateway, ctx.liveStore, corpId, members, {
      lanes: NAME_LANES,
      signal: job.signal,
    });
  } catch (error) {
    job.signal.throwIfAborted();
    // The lives are stored already: a lookup that cannot go on costs only the names, said in a note.
    if (!isAppError(error) || error.code === 'WECOM_IP_NOT_ALLOWED') throw error;
    state.result.notes.push(`邀请人姓名未能补全：${error.message}`);
    return;
  }
  state.result.namedInviters += found.named.length;
  const relive = [...new Set(found.named.flatMap((userid) => state.unnamed.get(userid) ?? []))];
  await forEachConcurrently(relive, LIVE_LANES, job.signal, async (livingid, signal) => {
    try {
      const pages = state.pagesOf.get(livingid) ?? (await collect(gateway.watchStat$(livingid), signal));
      signal.throwIfAborted();
      await writer.run(() => ctx.liveStore.mergeWatchStats(corpId, livingid, pages));
    } catch (error) {
      signal.throwIfAborted();
      if (!isTransient(error) && !isLiveOnly(error)) throw error;
      // The names are cached: the detail page shows them, and the next sync writes them to the viewers.
      job.log.warn({ livingid }, 'inviter names not merged again: the stats could not be pulled again');
    }
  });
  if (found.denied) state.result.notes.push(MEMBER_NAMES_DENIED_NOTICE);
}

function summary(result: LiveSyncResult): string {
  const parts = [`已同步 ${result.lives} 场直播、${result.viewers} 条观看记录`];
  if (result.failed.length > 0) parts.push(`${result.failed.length} 场读取失败`);
  return parts.join('，');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

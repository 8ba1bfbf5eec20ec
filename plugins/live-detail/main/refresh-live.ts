import { lastValueFrom, toArray } from 'rxjs';
import { AppError } from '../../../sdk/contracts/errors.js';
import { MEMBER_NAMES_DENIED_NOTICE, resolveMemberNames } from '../../../sdk/main/inviter-naming.js';
import type { CallContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';

const LIVE = 1;
const ENDED = 2;
/** user/get calls per visit for member viewers without a name; the next visit continues. */
const MEMBER_LOOKUPS_PER_VISIT = 200;
/**
 * A member user/get refused or did not know is asked again on a visit after this long (at once with
 * `recheckNames`): a visit would otherwise repeat the same refused calls every time.
 */
export const REFUSED_NAME_RETRY_MS = 6 * 60 * 60 * 1000;
/**
 * R5.1: pulls the live's info and, once it started, every watch-stat page (to `ending` = 1) and merges
 * them (the store makes each one transaction), then names still-unnamed member inviters through user/get
 * (R4.6 rule 5). Answers notices for what could not be done; the caller shows the local data anyway
 * (R10.2). A 60020 (trusted IP) surfaces, since the app answers it with its dialog; so does a failure
 * when there is no local copy to show.
 */
export async function refreshLive(
  ctx: PluginContext,
  call: CallContext,
  corpId: string,
  livingid: string,
  options: { recheckNames: boolean } = { recheckNames: false },
): Promise<string[]> {
  let gateway: WeComGateway;
  try {
    gateway = await ctx.wecom.forCall(call);
    const live = await ctx.liveStore.mergeLivingInfo(corpId, livingid, await gateway.getLivingInfo(livingid));
    if (live.status !== LIVE && live.status !== ENDED) return [];
    const pages = await lastValueFrom(gateway.watchStat$(livingid).pipe(toArray()));
    await ctx.liveStore.mergeWatchStats(corpId, livingid, pages);
    // Member inviters the rules left unnamed, and member viewers (WeCom's stats name no member): a few
    // per visit, those WeCom refused lately only on 刷新.
    const unnamedMembers = await ctx.liveStore.membersToName(corpId, livingid, {
      limit: MEMBER_LOOKUPS_PER_VISIT,
      askedBefore: options.recheckNames ? Date.now() + 1 : Date.now() - REFUSED_NAME_RETRY_MS,
    });
    const { denied } = await resolveMemberNames(
      gateway,
      ctx.liveStore,
      corpId,
      unnamedMembers.userids.map((id) => ({ kind: 'internal' as const, id })),
    );
    // Refusals of an earlier visit (not asked again yet) still leave names missing: the notice stays.
    return denied || unnamedMembers.deniedLately > 0 ? [MEMBER_NAMES_DENIED_NOTICE] : [];
  } catch (error) {
    if (error instanceof AppError && error.code === 'WECOM_IP_NOT_ALLOWED') throw error;
    if ((await ctx.liveStore.get(corpId, livingid)) === undefined) throw error;
    ctx.log.warn({ livingid, err: error }, 'live detail refresh failed; answering local data');
    const reason = error instanceof Error ? error.message : String(error);
    return [`未能从企业微信更新这场直播，下面是本地保存的数据（${reason}）。`];
  }
}

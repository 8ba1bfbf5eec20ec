import { lastValueFrom, toArray } from 'rxjs';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { CallContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import { WeComError } from '../../../sdk/wecom/errors.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';

const LIVE = 1;
const ENDED = 2;
/** user/get calls per visit for member viewers without a name; the next visit continues. */
const MEMBER_LOOKUPS_PER_VISIT = 200;
/** user/get errcodes that mean "the app may not read this member" (R4.6 rule 5: keep going). */
const PERMISSION_ERRCODES = new Set([60011, 48002, 48009, 60111]);

const PERMISSION_NOTICE =
  '部分成员（邀请人或观众）的姓名无法从企业微信通讯录读取：请在企业微信管理后台把这些成员加入本应用的可见范围，' +
  '并为应用开通“读取成员”通讯录权限，之后刷新本页即可显示姓名。';

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
): Promise<string[]> {
  let gateway: WeComGateway;
  try {
    gateway = await ctx.wecom.forCall(call);
    const live = await ctx.liveStore.mergeLivingInfo(corpId, livingid, await gateway.getLivingInfo(livingid));
    if (live.status !== LIVE && live.status !== ENDED) return [];
    const pages = await lastValueFrom(gateway.watchStat$(livingid).pipe(toArray()));
    const merged = await ctx.liveStore.mergeWatchStats(corpId, livingid, pages);
    // WeCom's stats name no member: the members still unnamed are looked up too (a few per visit).
    const all = await ctx.liveStore.viewerDetails(corpId, livingid, {});
    const unnamedMembers = all.rows
      .filter((viewer) => viewer.kind === 'internal' && viewer.name === '')
      .slice(0, MEMBER_LOOKUPS_PER_VISIT)
      .map((viewer) => ({ kind: viewer.kind, id: viewer.viewerId }));
    return await nameInviters(ctx, gateway, corpId, [...merged.unnamedInviters, ...unnamedMembers]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'WECOM_IP_NOT_ALLOWED') throw error;
    if ((await ctx.liveStore.get(corpId, livingid)) === undefined) throw error;
    ctx.log.warn({ livingid, err: error }, 'live detail refresh failed; answering local data');
    const reason = error instanceof Error ? error.message : String(error);
    return [`未能从企业微信更新这场直播，下面是本地保存的数据（${reason}）。`];
  }
}

async function nameInviters(
  ctx: PluginContext,
  gateway: WeComGateway,
  corpId: string,
  unnamed: ReadonlyArray<{ kind: 'internal' | 'external'; id: string }>,
): Promise<string[]> {
  let denied = false;
  const members = new Map(
    unnamed.filter((person) => person.kind === 'internal').map((person) => [person.id.toLowerCase(), person]),
  );
  // External people have no user/get: only members can be looked up.
  for (const inviter of members.values()) {
    try {
      const name = await gateway.userName(inviter.id);
      await ctx.liveStore.rememberName(corpId, {
        kind: 'internal',
        id: inviter.id,
        name,
        source: 'user-get',
      });
    } catch (error) {
      if (!(error instanceof WeComError) || !PERMISSION_ERRCODES.has(error.errcode)) throw error;
      denied = denied || error.errcode !== 60111;
      // Stored empty: the next refresh asks again; nothing invents a name meanwhile.
      await ctx.liveStore.rememberName(corpId, {
        kind: 'internal',
        id: inviter.id,
        name: '',
        source: 'user-get',
      });
    }
  }
  return denied ? [PERMISSION_NOTICE] : [];
}

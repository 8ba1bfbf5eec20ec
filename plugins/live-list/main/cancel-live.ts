import { AppError } from '../../../sdk/contracts/errors.js';
import type { CorpCall } from '../../../sdk/contracts/channel.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import type { LiveCancelResult } from '../shared/live-list-api.js';

const RESERVED = 0;
const CANCELLED = 4;

/**
 * `live-list.cancel` (R4.5): living/cancel for a live that has not started, by its creator or a WeCom
 * admin. WeCom's current state is read first (the stored one may be old); the gateway sends the cancel
 * as a write, never repeated when the answer is unknown. The store then records status 4.
 */
export async function cancelLive(
  ctx: PluginContext,
  livingid: string,
  call: CorpCall,
): Promise<LiveCancelResult> {
  const corpId = call.corp.corpId;
  const user = call.user;
  const stored = await ctx.liveStore.get(corpId, livingid);
  if (stored === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${livingid}`, { livingid });
  const isCreator =
    stored.creatorUserid !== null && stored.creatorUserid.toLowerCase() === user.userid.toLowerCase();
  if (!isCreator && user.tier !== 'wecom-admin') {
    throw new AppError('FORBIDDEN', '只有创建这场直播的人或企业微信管理员可以取消预约。', { livingid });
  }
  const gateway = await ctx.wecom.forCall(call);
  const info = await gateway.getLivingInfo(livingid);
  const current = await ctx.liveStore.mergeLivingInfo(corpId, livingid, info);
  if (current.status !== RESERVED) {
    throw new AppError('CONFLICT', '这场直播已开始或已结束，不能再取消预约。', {
      livingid,
      status: current.status,
    });
  }
  await gateway.cancelLiving(livingid);
  const live = await ctx.liveStore.mergeLivingInfo(corpId, livingid, { ...info, status: CANCELLED });
  ctx.log.info({ livingid, by: user.userid }, 'reserved live cancelled');
  await ctx.audit.record(call, { action: 'cancel', target: `${live.theme}（${livingid}）` });
  return { live };
}

import { AppError } from '../../../sdk/contracts/errors.js';
import { LIVE_STATUS_LABELS, type LiveRecord } from '../../../sdk/contracts/lives.js';
import { tierAtLeast } from '../../../sdk/contracts/tiers.js';
import type { CorpCall } from '../../../sdk/contracts/channel.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import type { ModifyLivingRequest } from '../../../sdk/wecom/models.js';
import type { ModifyLive } from '../shared/input-schemas.js';
import type { LiveWithPulls } from '../shared/live-create-api.js';
import { typeTakesDescription } from '../shared/live-rules.js';
import { checkDescription, checkRemind, checkSchedule } from './live-validation.js';
import { schedulePulls } from './pull-plan.js';

/**
 * `live-create.modify` (R3.3): a live created here, while it is still reserved. WeCom is
 * asked first, so a live that started early (a captured one did) is refused with its real status.
 */
export async function modifyLive(
  ctx: PluginContext,
  input: ModifyLive,
  call: CorpCall,
): Promise<LiveWithPulls> {
  const { corp, user } = call;
  const stored = await ctx.liveStore.get(corp.corpId, input.livingid);
  if (stored === undefined || !stored.createdByUs) {
    throw new AppError('NOT_FOUND', '没有找到这场在本应用创建的直播。', { livingid: input.livingid });
  }
  if (stored.creatorUserid !== user.userid && !tierAtLeast(user.tier, 'wecom-admin')) {
    throw new AppError('FORBIDDEN', '只能修改自己创建的直播。', { livingid: input.livingid });
  }
  const gateway = await ctx.wecom.forCall(call);
  const current = await ctx.liveStore.mergeLivingInfo(
    corp.corpId,
    input.livingid,
    await gateway.getLivingInfo(input.livingid),
  );
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (current.status !== 0 || (current.reserveStart ?? 0) <= nowSeconds) {
    const state =
      current.status === null || current.status === 0
        ? '已到开始时间'
        : `当前状态为「${LIVE_STATUS_LABELS[current.status]}」`;
    throw new AppError(
      'CONFLICT',
      `直播「${current.theme}」${state}，只有未开始的预约直播可以修改。` +
        '已开始的直播不能再改时间或主题；如需另行安排，请创建一场新的预约直播。',
      { field: 'livingid', livingid: input.livingid, status: current.status },
    );
  }
  const start = input.living_start ?? current.reserveStart ?? 0;
  if (input.living_start !== undefined) checkSchedule(input.living_start, nowSeconds);
  const type = input.type ?? current.type ?? 3;
  checkDescription(type, input.description);
  checkRemind(input.remind_time, start, nowSeconds);

  const request: ModifyLivingRequest = { livingid: input.livingid };
  if (input.theme !== undefined) request.theme = input.theme;
  if (input.living_start !== undefined) request.living_start = input.living_start;
  if (input.living_duration !== undefined) request.living_duration = input.living_duration;
  if (input.type !== undefined) request.type = input.type;
  if (input.description !== undefined && typeTakesDescription(type)) request.description = input.description;
  if (input.remind_time !== undefined) request.remind_time = input.remind_time;
  if (Object.keys(request).length > 1) await gateway.modifyLiving(request);

  const live: LiveRecord = await ctx.liveStore.recordModified(corp.corpId, input.livingid, {
    theme: request.theme,
    livingStart: request.living_start,
    livingDuration: request.living_duration,
    type: request.type,
    description: request.description,
    remindTime: request.remind_time,
    anchorName: input.anchor_name,
  });
  await ctx.audit.record(call, { action: 'modify', target: `${live.theme}（${input.livingid}）` });
  // The creation pull stays; the start and end pulls follow the new times.
  const pulls = await schedulePulls(ctx, live, Date.now(), ['after-start', 'after-end']);
  ctx.log.info({ livingid: input.livingid, corpId: corp.corpId }, 'live modified');
  return { live, pulls };
}

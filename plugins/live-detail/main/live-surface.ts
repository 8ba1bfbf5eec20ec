// The detail page's rest of WeCom's live surface (R10.1): delete a replay (WeCom admins), a WeChat
// viewing code as a QR image, and who shared a link (get_living_share_info).
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { CorpCall } from '../../../sdk/contracts/channel.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import { WeComError, type LivingShareInfo, type WeComGateway } from '../../../sdk/wecom/index.js';
import type {
  DeleteReplayAnswer,
  LivingCodeAnswer,
  ShareInfoAnswer,
  SharePerson,
} from '../shared/live-surface-api.js';
import { DELETE_REPLAY, LIVING_CODE, SHARE_INFO } from '../shared/channels.js';
import type {
  DeleteReplaySchema,
  LivingCodeSchema,
  ShareInfoSchema,
} from '../shared/live-surface-schemas.js';

const ENDED = 2;
/** living_info.replay_status: 0 ready, 1 being made, 2 deleted, 3 failed. */
const REPLAY_DELETED = 2;
const LIVING_CODE_TTL_MS = 5 * 60_000;

async function localLive(ctx: PluginContext, corpId: string, id: string): Promise<LiveRecord> {
  const live = await ctx.liveStore.get(corpId, id);
  if (live === undefined) throw new AppError('NOT_FOUND', `本地没有这场直播：${id}`, { field: 'livingid' });
  return live;
}

/** Why a live has no replay to delete, from WeCom's living_info; null when it has one. */
function noReplayReason(live: LiveRecord): string | null {
  if (live.status !== ENDED) return '直播尚未结束，结束后才会有回放';
  if (live.openReplay === 0) return '这场直播没有开启回放';
  if (live.replayStatus === REPLAY_DELETED) return '回放已被删除';
  if (live.replayStatus === 1) return '回放仍在生成中，请稍后再试';
  if (live.replayStatus === 3) return '回放生成失败，没有可删除的回放';
  return null;
}

/**
 * living/delete_replay_data after reading the live's current state from WeCom (so that "no replay"
 * gets a precise Chinese reason before anything is sent), recorded in the audit log either way.
 */
async function deleteReplay(
  ctx: PluginContext,
  input: z.infer<typeof DeleteReplaySchema>,
  call: CorpCall,
): Promise<DeleteReplayAnswer> {
  const corpId = call.corp.corpId;
  const known = await localLive(ctx, corpId, input.livingid);
  const gateway = await ctx.wecom.forCall(call);
  const live = await ctx.liveStore.mergeLivingInfo(
    corpId,
    input.livingid,
    await gateway.getLivingInfo(input.livingid),
  );
  const target = `${live.theme || known.theme}（${input.livingid}）`;
  const reason = noReplayReason(live);
  if (reason !== null) {
    await ctx.audit.record(call, { action: 'deleteReplay', target, ok: false, detail: { message: reason } });
    throw new AppError('INVALID_INPUT', `「${live.theme}」没有可删除的回放：${reason}。`, {
      field: 'livingid',
      reason: 'noReplay',
    });
  }
  try {
    await gateway.deleteReplayData(input.livingid);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await ctx.audit.record(call, { action: 'deleteReplay', target, ok: false, detail: { message } });
    // WeCom has no documented errcode for "no replay"; its 40058 here means the replay is gone.
    if (error instanceof WeComError && error.errcode === 40058) {
      throw new AppError(
        'INVALID_INPUT',
        `「${live.theme}」没有可删除的回放：企业微信说回放不存在或已删除。`,
        {
          field: 'livingid',
          reason: 'noReplay',
          errcode: 40058,
        },
      );
    }
    throw error;
  }
  const after = await ctx.liveStore
    .mergeLivingInfo(corpId, input.livingid, await gateway.getLivingInfo(input.livingid))
    .catch(() => null);
  await ctx.audit.record(call, { action: 'deleteReplay', target });
  ctx.log.info({ livingid: input.livingid, corpId }, 'replay deleted');
  return { livingid: input.livingid, theme: live.theme, replayStatus: after?.replayStatus ?? null };
}

async function livingCode(
  ctx: PluginContext,
  input: z.infer<typeof LivingCodeSchema>,
  call: CorpCall,
): Promise<LivingCodeAnswer> {
  await localLive(ctx, call.corp.corpId, input.livingid);
  const gateway = await ctx.wecom.forCall(call);
  const code = await gateway.getLivingCode(input.livingid, input.openid);
  const qrDataUrl = await QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
  return {
    livingid: input.livingid,
    openid: input.openid,
    livingCode: code,
    qrDataUrl,
    expiresAt: new Date(Date.now() + LIVING_CODE_TTL_MS).toISOString(),
  };
}

/** A name for a person of a share: the live's viewers, the anchor's stored name, then user/get. */
async function nameOf(
  ctx: PluginContext,
  gateway: WeComGateway,
  corpId: string,
  live: LiveRecord,
  person: SharePerson,
): Promise<SharePerson> {
  const viewers = await ctx.liveStore.viewerDetails(corpId, live.livingid, {
    keyword: person.id,
    pageSize: 50,
  });
  const viewer = viewers.rows.find((row) => row.viewerId === person.id && row.name !== '');
  if (viewer !== undefined) return { ...person, name: viewer.name };
  if (person.kind === 'internal' && person.id === live.anchorUserid && live.anchorName) {
    return { ...person, name: live.anchorName };
  }
  if (person.kind === 'internal') {
    // Without the contact permission user/get is refused: the id is shown instead.
    const name = await gateway.userName(person.id).catch(() => '');
    return { ...person, name };
  }
  return person;
}

function personOf(userid: string | undefined, externalUserid: string | undefined): SharePerson | null {
  if (userid !== undefined && userid !== '') return { kind: 'internal', id: userid, name: '' };
  if (externalUserid !== undefined && externalUserid !== '')
    return { kind: 'external', id: externalUserid, name: '' };
  return null;
}

async function shareInfo(
  ctx: PluginContext,
  input: z.infer<typeof ShareInfoSchema>,
  call: CorpCall,
): Promise<ShareInfoAnswer> {
  const corpId = call.corp.corpId;
  const live = await localLive(ctx, corpId, input.livingid);
  const gateway = await ctx.wecom.forCall(call);
  let info: LivingShareInfo;
  try {
    info = await gateway.getLivingShareInfo(input.shareCode);
  } catch (error) {
    if (error instanceof WeComError && (error.errcode === 40058 || error.errcode === 40001)) {
      throw new AppError(
        'INVALID_INPUT',
        '分享码无效或已过期：请从小程序商城页面的链接参数 ww_share_code 重新复制。',
        {
          field: 'shareCode',
          errcode: error.errcode,
        },
      );
    }
    throw error;
  }
  if (info.livingid !== input.livingid) {
    throw new AppError(
      'INVALID_INPUT',
      `这个分享码属于另一场直播（${info.livingid}），请在那场直播的详情页查询。`,
      {
        field: 'shareCode',
        livingid: info.livingid,
      },
    );
  }
  const viewer = personOf(info.viewer_userid, info.viewer_external_userid);
  const invitor = personOf(info.invitor_userid, info.invitor_external_userid);
  return {
    livingid: info.livingid,
    viewer: viewer === null ? null : await nameOf(ctx, gateway, corpId, live, viewer),
    invitor: invitor === null ? null : await nameOf(ctx, gateway, corpId, live, invitor),
  };
}

/** Registers `live-detail.deleteReplay` (WeCom admins), `live-detail.livingCode` and `live-detail.shareInfo`. */
export function registerLiveSurface(ctx: PluginContext): void {
  ctx.handle(DELETE_REPLAY, (input, call) => deleteReplay(ctx, input, call));
  ctx.handle(LIVING_CODE, (input, call) => livingCode(ctx, input, call));
  ctx.handle(SHARE_INFO, (input, call) => shareInfo(ctx, input, call));
}

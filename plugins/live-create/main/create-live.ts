import { AppError } from '../../../sdk/contracts/errors.js';
import type { CorpCall } from '../../../sdk/contracts/channel.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import { findCreatedLiving } from '../../../sdk/wecom/living-reconciler.js';
import type { CreateLivingRequest } from '../../../sdk/wecom/models.js';
import { isAmbiguousWriteFailure } from '../../../sdk/wecom/retry.js';
import { LIVE_IMAGE_LABELS } from '../shared/image-rules.js';
import type { CreateLive } from '../shared/input-schemas.js';
import type { CreatedLiveAnswer } from '../shared/live-create-api.js';
import { typeTakesDescription } from '../shared/live-rules.js';
import { CreateRequests, requestHash, type RequestKey } from './create-requests.js';
import { readLiveImages, uploadLiveImages, type CheckedImage } from './live-images.js';
import { checkDescription, checkRemind, checkSchedule } from './live-validation.js';
import { planPulls, schedulePulls } from './pull-plan.js';

/**
 * `live-create.create` (R3.1, R3.2): living/create through the gateway (which reconciles an ambiguous
 * -1 or timeout instead of creating twice), the live stored as created here, its detail pulls scheduled.
 * An idempotency key makes a double click or a retried call answer the same live.
 */
export class LiveCreator {
  private readonly requests: CreateRequests;
  /** Calls in flight per key: a concurrent duplicate waits for the first instead of racing it. */
  private readonly inflight = new Map<string, Promise<CreatedLiveAnswer>>();

  constructor(private readonly ctx: PluginContext) {
    this.requests = new CreateRequests(ctx.db);
  }

  async create(input: CreateLive, call: CorpCall): Promise<CreatedLiveAnswer> {
    const { corp, user } = call;
    const request = toWeComRequest(input);
    if (input.idempotencyKey === undefined) {
      validate(request, input);
      return this.createNew(request, input, call, null, await readLiveImages(this.ctx, input, call));
    }
    const key: RequestKey = { corpId: corp.corpId, userid: user.userid, key: input.idempotencyKey };
    const inflightKey = `${key.corpId}\n${key.userid}\n${key.key}`;
    const running = this.inflight.get(inflightKey);
    if (running !== undefined) return { ...(await running), replayed: true };
    const attempt = this.createWithKey(request, input, call, key).finally(() =>
      this.inflight.delete(inflightKey),
    );
    this.inflight.set(inflightKey, attempt);
    return attempt;
  }

  private async createWithKey(
    request: CreateLivingRequest,
    input: CreateLive,
    call: CorpCall,
    key: RequestKey,
  ): Promise<CreatedLiveAnswer> {
    // The images by their uploaded files: each attempt uploads them anew, so media ids differ per try.
    const hash = requestHash({
      ...request,
      anchor_name: input.anchor_name ?? '',
      ...(input.cover_file_id ? { cover_file_id: input.cover_file_id } : {}),
      ...(input.share_file_id ? { share_file_id: input.share_file_id } : {}),
    });
    const previous = await this.requests.find(key);
    if (previous !== undefined && previous.request_hash !== hash) {
      throw new AppError('CONFLICT', '这个请求标识已用于另一场直播，请刷新页面后重新提交。', {
        field: 'idempotencyKey',
      });
    }
    if (previous?.livingid != null) {
      const live = await this.ctx.liveStore.get(key.corpId, previous.livingid);
      if (live !== undefined) {
        return { livingid: live.livingid, live, pulls: planPulls(live), replayed: true, reconciled: false };
      }
    }
    validate(request, input);
    const images = await readLiveImages(this.ctx, input, call);
    if (previous !== undefined) {
      // An earlier call with this key stopped without an answer: WeCom may have the live already.
      const gateway = await this.ctx.wecom.forCall(call);
      const found = await findCreatedLiving(
        {
          livingIds: (userid) => gateway.userLivingIds$(userid),
          livingInfo: (id) => gateway.getLivingInfo(id),
        },
        request,
      );
      if (found !== undefined) return this.remember(found, true, input, call, key, []);
    } else {
      await this.requests.claim(key, hash, Date.now());
    }
    return this.createNew(request, input, call, key, images);
  }

  private async createNew(
    request: CreateLivingRequest,
    input: CreateLive,
    call: CorpCall,
    key: RequestKey | null,
    images: CheckedImage[],
  ): Promise<CreatedLiveAnswer> {
    const gateway = await this.ctx.wecom.forCall(call);
    let created: { livingid: string; reconciled: boolean };
    try {
      // Temporary media at submit time (valid three days, so never uploaded ahead).
      const media = await uploadLiveImages(gateway, images);
      created = await gateway.createLiving({ ...request, ...media });
    } catch (error) {
      // Certainly not created: the key is free for a corrected request. Unknown: keep it, so its retry
      // searches WeCom before creating.
      if (key !== null && !isAmbiguousWriteFailure(error)) await this.requests.release(key);
      throw error;
    }
    return this.remember(created.livingid, created.reconciled, input, call, key, images);
  }

  private async remember(
    livingid: string,
    reconciled: boolean,
    input: CreateLive,
    call: CorpCall,
    key: RequestKey | null,
    images: CheckedImage[],
  ): Promise<CreatedLiveAnswer> {
    const { corp, user } = call;
    if (key !== null) await this.requests.complete(key, livingid);
    const request = toWeComRequest(input);
    const live = await this.ctx.liveStore.recordCreated(corp.corpId, {
      livingid,
      anchorUserid: request.anchor_userid,
      anchorName: input.anchor_name ?? null,
      theme: request.theme,
      livingStart: request.living_start,
      livingDuration: request.living_duration,
      type: request.type ?? 3,
      description: request.description ?? '',
      remindTime: request.remind_time ?? null,
      creatorUserid: user.userid,
    });
    const pulls = await schedulePulls(this.ctx, live, Date.now());
    this.ctx.log.info({ livingid, reconciled, corpId: corp.corpId }, 'live created');
    await this.ctx.audit.record(call, {
      action: 'create',
      target: `${live.theme}（${livingid}）`,
      detail: {
        reconciled,
        ...(images.length === 0 ? {} : { images: images.map((image) => LIVE_IMAGE_LABELS[image.field]) }),
      },
    });
    return { livingid, live, pulls, replayed: false, reconciled };
  }
}

/** The host-side checks of a new live, before anything is claimed or sent. */
function validate(request: CreateLivingRequest, input: CreateLive): void {
  const nowSeconds = Math.floor(Date.now() / 1000);
  checkSchedule(request.living_start, nowSeconds);
  checkDescription(request.type ?? 3, input.description);
  checkRemind(request.remind_time, request.living_start, nowSeconds);
}

/** The living/create body; agentid is added by the gateway of the session's corp app. */
export function toWeComRequest(input: CreateLive): CreateLivingRequest {
  const request: CreateLivingRequest = {
    anchor_userid: input.anchor_userid,
    theme: input.theme,
    living_start: input.living_start,
    living_duration: input.living_duration,
    type: input.type,
  };
  if (typeTakesDescription(input.type) && input.description !== undefined && input.description !== '') {
    request.description = input.description;
  }
  if (input.remind_time !== undefined && input.remind_time > 0) request.remind_time = input.remind_time;
  return request;
}

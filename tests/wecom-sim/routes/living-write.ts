import type { SimContext } from '../context.js';
import { WecomApiError } from '../errors.js';
import { liveStatus } from '../live-status.js';
import type { LiveType, SimLive } from '../types.js';
import {
  charLength,
  jsonBody,
  optionalInt,
  optionalString,
  requiredInt,
  requiredString,
  type ApiRoute,
  type JsonBody,
} from './route.js';

const MAX_THEME_CHARS = 20;
const MAX_DESCRIPTION_CHARS = 100;

/** POST /cgi-bin/living/create (docs 96837). */
export const livingCreateRoute: ApiRoute = {
  api: 'living/create',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const anchorUserid = requiredString(body, 'anchor_userid');
    const anchor = ctx.state.member(anchorUserid);
    if (!anchor) throw new WecomApiError(60111);
    const agentid = optionalInt(body, 'agentid');
    if (agentid !== undefined && agentid !== ctx.state.data.agent.agentid) throw new WecomApiError(301002);
    const theme = checkTheme(requiredString(body, 'theme'));
    const livingStart = checkStart(requiredInt(body, 'living_start'), ctx);
    const livingDuration = checkDuration(requiredInt(body, 'living_duration'));
    const type = checkType(optionalInt(body, 'type') ?? 0);
    const description = checkDescription(optionalString(body, 'description') ?? '');
    const remindTime = optionalInt(body, 'remind_time') ?? 0;
    const cover = checkMedia(ctx, optionalString(body, 'activity_cover_mediaid'));
    const share = checkMedia(ctx, optionalString(body, 'activity_share_mediaid'));
    const activityDescription = activityDetailDescription(body);
    const live = ctx.state.addLive({
      livingid: ctx.state.newLivingid(),
      anchor_userid: anchor.userid,
      theme,
      // The description applies to types 0–3; an activity live takes activity_detail's.
      description: type === 4 ? activityDescription : description,
      type,
      reserve_start: livingStart,
      reserve_living_duration: livingDuration,
      actual_start: livingStart,
      actual_duration: livingDuration,
      cancelled: false,
      expired: false,
      remind_time: remindTime,
      open_replay: 1,
      replay_status: 0,
      subscribe_count: 0,
      commentsPerCommenter: 2,
      ...(cover === undefined ? {} : { activity_cover_mediaid: cover }),
      ...(share === undefined ? {} : { activity_share_mediaid: share }),
      createdByApi: true,
      viewersGenerated: false,
      viewers: [],
    });
    return { errcode: 0, errmsg: 'ok', livingid: live.livingid };
  },
};

/** POST /cgi-bin/living/modify (docs 93640): reserved lives only. */
export const livingModifyRoute: ApiRoute = {
  api: 'living/modify',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const live = reservedLive(ctx, requiredString(body, 'livingid'), 'modify');
    const theme = optionalString(body, 'theme');
    const start = optionalInt(body, 'living_start');
    const duration = optionalInt(body, 'living_duration');
    const type = optionalInt(body, 'type');
    const description = optionalString(body, 'description');
    const remindTime = optionalInt(body, 'remind_time');
    // Validate everything before changing anything: a refused modify leaves the live as it was.
    const next = {
      theme: theme === undefined ? live.theme : checkTheme(theme),
      start: start === undefined ? live.reserve_start : checkStart(start, ctx),
      duration: duration === undefined ? live.reserve_living_duration : checkDuration(duration),
      type: type === undefined ? live.type : checkType(type),
      description: description === undefined ? live.description : checkDescription(description),
    };
    live.theme = next.theme;
    live.reserve_start = next.start;
    live.actual_start = next.start;
    live.reserve_living_duration = next.duration;
    live.actual_duration = next.duration;
    live.type = next.type;
    live.description = next.description;
    if (remindTime !== undefined) live.remind_time = remindTime;
    return { errcode: 0, errmsg: 'ok' };
  },
};

/** POST /cgi-bin/living/cancel (docs 96838): "仅允许取消预约状态下的直播id". */
export const livingCancelRoute: ApiRoute = {
  api: 'living/cancel',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const live = reservedLive(ctx, requiredString(body, 'livingid'), 'cancel');
    live.cancelled = true;
    return { errcode: 0, errmsg: 'ok' };
  },
};

/** POST /cgi-bin/living/delete_replay_data: only an ended live with a replay that still exists. */
export const livingDeleteReplayRoute: ApiRoute = {
  api: 'living/delete_replay_data',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const live = existingLive(ctx, requiredString(body, 'livingid'));
    if (liveStatus(live, ctx.clock.now()) !== 2 || live.open_replay !== 1 || live.replay_status === 2) {
      throw new WecomApiError(40058, 'living has no replay to delete');
    }
    live.replay_status = 2;
    return { errcode: 0, errmsg: 'ok' };
  },
};

export function existingLive(ctx: SimContext, livingid: string): SimLive {
  const live = ctx.state.live(livingid);
  if (!live) throw new WecomApiError(40058, 'invalid livingid');
  return live;
}

/** No errcode is documented for a live that is no longer reserved: the livingid is an invalid parameter. */
function reservedLive(ctx: SimContext, livingid: string, action: string): SimLive {
  const live = existingLive(ctx, livingid);
  if (liveStatus(live, ctx.clock.now()) !== 0) {
    throw new WecomApiError(
      40058,
      `living status not allow to ${action}, only reserved living can be ${action}ed`,
    );
  }
  return live;
}

function checkTheme(theme: string): string {
  if (charLength(theme) > MAX_THEME_CHARS) throw new WecomApiError(40058, 'invalid Request Parameter: theme');
  return theme;
}

function checkStart(start: number, ctx: SimContext): number {
  if (start <= ctx.clock.now()) throw new WecomApiError(40058, 'invalid Request Parameter: living_start');
  return start;
}

function checkDuration(duration: number): number {
  if (duration <= 0) throw new WecomApiError(40058, 'invalid Request Parameter: living_duration');
  return duration;
}

function checkType(type: number): LiveType {
  if (type < 0 || type > 4) throw new WecomApiError(40058, 'invalid Request Parameter: type');
  return type as LiveType;
}

function checkDescription(description: string): string {
  if (charLength(description) > MAX_DESCRIPTION_CHARS) {
    throw new WecomApiError(40058, 'invalid Request Parameter: description');
  }
  return description;
}

function checkMedia(ctx: SimContext, mediaId: string | undefined): string | undefined {
  if (mediaId !== undefined && mediaId !== '' && !ctx.state.media.has(mediaId))
    throw new WecomApiError(40007);
  return mediaId === '' ? undefined : mediaId;
}

function activityDetailDescription(body: JsonBody): string {
  const detail = body.activity_detail;
  if (typeof detail !== 'object' || detail === null) return '';
  const description = (detail as JsonBody).description;
  return typeof description === 'string' ? description : '';
}

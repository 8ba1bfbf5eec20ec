import { WecomApiError } from '../errors.js';
import { liveStatus, livingInfo } from '../live-status.js';
import {
  decodeCursor,
  decodeNextKey,
  encodeCursor,
  encodeNextKey,
  LIST_MAX_LIMIT,
  WATCH_PAGE_SIZE,
} from '../paging.js';
import type { SimContext } from '../context.js';
import type { SimLive, SimViewer } from '../types.js';
import { existingLive } from './living-write.js';
import { jsonBody, optionalInt, optionalString, requiredString, type ApiRoute } from './route.js';

/** POST /cgi-bin/living/get_user_all_livingid {userid, cursor, limit} (docs 96834), newest first. */
export const livingListRoute: ApiRoute = {
  api: 'living/get_user_all_livingid',
  auth: true,
  errorDefaults: { livingid_list: [] },
  handle(call, ctx) {
    const body = jsonBody(call);
    const userid = requiredString(body, 'userid', 41009);
    if (!ctx.state.member(userid)) throw new WecomApiError(60111);
    const requested = optionalInt(body, 'limit') ?? 0;
    if (requested < 0) throw new WecomApiError(40058, 'invalid Request Parameter: limit');
    const limit = requested === 0 ? LIST_MAX_LIMIT : Math.min(requested, LIST_MAX_LIMIT);
    const after = decodeCursor(optionalString(body, 'cursor') ?? '');
    const lives = ctx.state.livesOf(userid).filter((live) => after === undefined || live.seq < after);
    const page = lives.slice(0, limit);
    const last = page[page.length - 1];
    // An empty next_cursor marks the last page.
    const nextCursor = lives.length > limit && last ? encodeCursor(last.seq) : '';
    return { errcode: 0, errmsg: 'ok', next_cursor: nextCursor, livingid_list: page.map((l) => l.livingid) };
  },
};

/** GET /cgi-bin/living/get_living_info?livingid (docs 96835). */
export const livingInfoRoute: ApiRoute = {
  api: 'living/get_living_info',
  auth: true,
  handle(call, ctx) {
    const livingid = call.query.get('livingid');
    if (!livingid) throw new WecomApiError(40058, 'invalid Request Parameter: livingid');
    const live = existingLive(ctx, livingid);
    return { errcode: 0, errmsg: 'ok', living_info: livingInfo(live, ctx.state.data, ctx.clock.now()) };
  },
};

/**
 * POST /cgi-bin/living/get_watch_stat {livingid, next_key} (docs 96836): pages of WATCH_PAGE_SIZE
 * viewers; next_key is never empty, only `ending: 1` ends the paging.
 */
export const watchStatRoute: ApiRoute = {
  api: 'living/get_watch_stat',
  auth: true,
  handle(call, ctx) {
    const body = jsonBody(call);
    const live = existingLive(ctx, requiredString(body, 'livingid'));
    const offset = decodeNextKey(live.livingid, optionalString(body, 'next_key') ?? '');
    const status = liveStatus(live, ctx.clock.now());
    const viewers = status === 1 || status === 2 ? live.viewers : [];
    const page = viewers.slice(offset, offset + WATCH_PAGE_SIZE);
    const wire = (viewer: SimViewer): Record<string, unknown> => {
      const fields = toWire(viewer);
      const name = ctx.config.statInviterNames ? inviterName(ctx, live, viewer) : undefined;
      return name === undefined ? fields : { ...fields, invitor_name: name };
    };
    const end = Math.min(viewers.length, offset + page.length);
    return {
      errcode: 0,
      errmsg: 'ok',
      ending: end >= viewers.length ? 1 : 0,
      next_key: encodeNextKey(live.livingid, Math.max(end, offset)),
      stat_info: {
        users: page.filter((v) => v.kind === 'internal').map(wire),
        external_users: page.filter((v) => v.kind === 'external').map(wire),
      },
    };
  },
};

/**
 * The inviter's name as WeCom would know it (`statInviterNames` on): a member's contact name, an external
 * inviter's name when they watched the same live. A self-invite is named too (the viewer's own name):
 * the app must still not show it.
 */
function inviterName(ctx: SimContext, live: SimLive, viewer: SimViewer): string | undefined {
  if (viewer.invitor_userid !== undefined) return ctx.state.member(viewer.invitor_userid)?.name;
  if (viewer.invitor_external_userid === undefined) return undefined;
  const inviter = live.viewers.find(
    (other) => other.kind === 'external' && other.external_userid === viewer.invitor_external_userid,
  );
  return inviter?.kind === 'external' && inviter.name !== '' ? inviter.name : undefined;
}

/** A viewer as WeCom sends it: no `kind`, inviter fields only when present. */
function toWire(viewer: SimViewer): Record<string, unknown> {
  const { kind: _kind, ...fields } = viewer;
  return fields;
}

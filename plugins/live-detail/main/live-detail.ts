import { AppError } from '../../../sdk/contracts/errors.js';
import type { LiveRecord, ViewerFilters, ViewerRecord, ViewerSort } from '../../../sdk/contracts/lives.js';
import type { DetailSort } from '../shared/input-schemas.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import type { LiveDetailAnswer } from '../shared/live-detail-api.js';
import { PROMOTION_LIVE_TYPE } from '../shared/viewer-format.js';
import { Invitations } from './invitations.js';
import { firstInviteOf } from './message-invites.js';
import { viewerProfile } from './viewer-profile.js';

/** WeCom gives inviters only for promotion lives; a live whose viewers carry inviters anyway shows them. */
export function inviterSupported(live: LiveRecord): boolean {
  return live.type === PROMOTION_LIVE_TYPE;
}

/** The local answer of `live-detail.get`: the live, one page of joined viewers, the profile of all. */
export async function localDetail(
  ctx: PluginContext,
  corpId: string,
  query: {
    livingid: string;
    keyword?: string | undefined;
    filters?: ViewerFilters | undefined;
    sort?: DetailSort | undefined;
    page: number;
    pageSize: number;
  },
  notices: string[],
): Promise<LiveDetailAnswer> {
  const live = await ctx.liveStore.get(corpId, query.livingid);
  if (live === undefined)
    throw new AppError('NOT_FOUND', `本地没有这场直播：${query.livingid}`, { livingid: query.livingid });
  const supported = inviterSupported(live);
  const firsts = await new Invitations(ctx.db).firstInvites(corpId, live.livingid, liveEndMs(live));
  const sort = storeSort(query.sort, supported, firsts);
  const page = await ctx.liveStore.viewerDetails(corpId, query.livingid, {
    ...(query.keyword === undefined ? {} : { keyword: query.keyword }),
    ...(query.filters === undefined ? {} : { filters: withoutUndefined(query.filters) }),
    ...(sort === undefined ? {} : { sort }),
    page: query.page,
    pageSize: query.pageSize,
  });
  const unmatched = await ctx.liveStore.unmatchedCheckins(corpId, query.livingid, {
    ...(query.keyword === undefined ? {} : { keyword: query.keyword }),
    page: 1,
    pageSize: 1,
  });
  return {
    live,
    viewers: { rows: page.rows, total: page.total },
    rounds: page.rounds,
    unmatchedCheckins: unmatched.total,
    // The profile covers every viewer whatever the search, counted by the store (O(page) to answer).
    charts: await viewerProfile(ctx.liveStore, corpId, query.livingid, supported),
    inviterSupported: supported,
    notices,
    messageInvites: invitesOf(firsts, page.rows),
  };
}

/**
 * The store's order for the page's header: 消息邀请 by this plugin's first deliveries, 邀请人 only where
 * the page shows inviters (otherwise every row reads the same and the default order stands).
 */
function storeSort(
  sort: DetailSort | undefined,
  supported: boolean,
  firsts: ReadonlyMap<string, number>,
): ViewerSort | undefined {
  if (sort === undefined || (sort.column === 'inviter' && !supported)) return undefined;
  if (sort.column === 'messageInvite')
    return { column: 'memberValue', direction: sort.direction, memberValues: firsts };
  return { column: sort.column, direction: sort.direction };
}

/** When the live ended (ms), or null while it runs / has no times: invitations after it led nobody in. */
export function liveEndMs(live: LiveRecord): number | null {
  const start = live.actualStart ?? live.reserveStart;
  const duration = live.actualStart !== null ? live.actualDuration : live.reserveDuration;
  if (live.status === 0 || live.status === 1 || start === null || duration === null) return null;
  return (start + duration) * 1000;
}

/** `firsts` (lower-case userid → first delivery) for the member viewers among `viewers`. */
function invitesOf(
  firsts: ReadonlyMap<string, number>,
  viewers: ReadonlyArray<Pick<ViewerRecord, 'kind' | 'viewerId'>>,
): Record<string, number> {
  const invites: Record<string, number> = {};
  for (const viewer of viewers) {
    const at = firstInviteOf(firsts, viewer);
    if (at !== undefined) invites[viewer.viewerId] = at;
  }
  return invites;
}

/** Zod leaves absent keys as undefined; exactOptionalPropertyTypes wants them gone. */
function withoutUndefined(filters: {
  [K in keyof ViewerFilters]?: ViewerFilters[K] | undefined;
}): ViewerFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as ViewerFilters;
}

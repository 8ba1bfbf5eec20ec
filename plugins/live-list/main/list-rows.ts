import type { LiveListQuery, LiveRecord } from '../../../sdk/contracts/lives.js';
import type { LiveStore } from '../../../sdk/main/live-store.js';
import type { LiveListFilters, LiveListPage, LiveListRow } from '../shared/live-list-api.js';

/** The store's query for the plugin's filters. A userid means the lives that member anchors. */
export function storeQuery(
  filters: LiveListFilters & { sort?: LiveListQuery['sort'] | undefined },
  page: number,
  pageSize: number,
): LiveListQuery {
  const query: LiveListQuery = { page, pageSize };
  if (filters.keyword !== undefined && filters.keyword !== '') query.keyword = filters.keyword;
  if (filters.userid !== undefined && filters.userid !== '') query.anchorUserid = filters.userid;
  if (filters.from !== undefined) query.from = filters.from;
  if (filters.to !== undefined) query.to = filters.to;
  if (filters.sort !== undefined) query.sort = filters.sort;
  return query;
}

const LIVING = 1;

/** A stored live as a list row: the times to show (actual once started) and its check-in totals. */
export function toListRow(live: LiveRecord, checkins: { rounds: number; checkins: number; people: number }) {
  const started = live.actualStart !== null;
  const start = started ? live.actualStart : live.reserveStart;
  const duration = started ? live.actualDuration : live.reserveDuration;
  // While a live is on, WeCom's duration is the time so far: no end to show until WeCom reports one.
  const living = live.status === LIVING;
  const row: LiveListRow = {
    ...live,
    start,
    end: !living && start !== null && duration !== null ? start + duration : null,
    living,
    timeKind: started ? 'actual' : 'reserved',
    checkinRounds: checkins.rounds,
    checkinPeople: checkins.people,
    checkinCount: checkins.checkins,
  };
  return row;
}

/** One page of the list, from the local store only (R4.1). */
export async function listPage(
  store: LiveStore,
  corpId: string,
  filters: LiveListFilters & { sort?: LiveListQuery['sort'] | undefined },
  page: number,
  pageSize: number,
): Promise<LiveListPage> {
  if (filters.livingid !== undefined) {
    const live = await store.get(corpId, filters.livingid);
    const lives = live === undefined ? [] : [live];
    return { rows: await withCheckins(store, corpId, lives), total: lives.length };
  }
  const found = await store.list(corpId, storeQuery(filters, page, pageSize));
  return { rows: await withCheckins(store, corpId, found.rows), total: found.total };
}

async function withCheckins(store: LiveStore, corpId: string, lives: LiveRecord[]): Promise<LiveListRow[]> {
  const totals = await store.checkinTotals(
    corpId,
    lives.map((live) => live.livingid),
  );
  return lives.map((live) => toListRow(live, totals[live.livingid] ?? { rounds: 0, checkins: 0, people: 0 }));
}

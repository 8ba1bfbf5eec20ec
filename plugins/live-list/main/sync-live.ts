// One live of a member sync: pulled from WeCom (get_living_info, then every get_watch_stat page once it
// has started), then merged by the live store and recorded as finished for a resume.
import { isAppError, type AppError } from '../../../sdk/contracts/errors.js';
import { memberLookups } from '../../../sdk/contracts/inviter-naming.js';
import type { LiveStore } from '../../../sdk/main/live-store.js';
import { WeComError, WeComTransportError } from '../../../sdk/wecom/errors.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import type { LivingInfo, WatchStatPage } from '../../../sdk/wecom/models.js';
import { collect } from './concurrency.js';
import type { FinishedLive, SyncCheckpoint } from './sync-checkpoint.js';

const LIVE = 1;
const ENDED = 2;
const EXPIRED = 3;
/** Busy (-1) and over-limit answers: the gateway retried them already; a later round may still succeed. */
const TRANSIENT_ERRCODES = new Set([-1, 45009, 45033]);

export interface PulledLive {
  livingid: string;
  info: LivingInfo;
  /** Every watch-stat page, or null for a live that has not started (no stats to ask for). */
  pages: WatchStatPage[] | null;
}

export interface MergedLive extends FinishedLive {
  /** Kept for lives with unnamed member inviters: merged again once user/get named them. */
  pages: WatchStatPage[] | null;
}

/** The WeCom side of one live; several of these run at once, within the gateway's limits. */
export async function pullLive(
  gateway: WeComGateway,
  livingid: string,
  signal: AbortSignal,
): Promise<PulledLive> {
  const info = await gateway.getLivingInfo(livingid, { signal });
  const started = info.status === LIVE || info.status === ENDED || info.status === EXPIRED;
  const pages = started ? await collect(gateway.watchStat$(livingid), signal) : null;
  return { livingid, info, pages };
}

/**
 * The database side of several pulled lives: their info and viewers in one transaction of the store
 * (viewers written as multi-row upserts), then their checkpoint rows. Run through the sync's writer.
 */
export async function mergeLives(
  liveStore: LiveStore,
  checkpoint: SyncCheckpoint,
  corpId: string,
  pulled: readonly PulledLive[],
  now: () => number,
): Promise<MergedLive[]> {
  const results = await liveStore.mergeLives(corpId, pulled);
  const merged = pulled.map((live, index): MergedLive => {
    // R4.6 rule 5's userids (members, each spelling once), kept for the lookups after the pulls.
    const unnamed = memberLookups(results[index]?.unnamedInviters ?? []);
    return {
      viewers: results[index]?.viewers ?? 0,
      unnamedInviters: unnamed,
      pages: unnamed.length > 0 ? live.pages : null,
    };
  });
  // A crash between the merges and these rows only means the lives are pulled again (merges are upserts).
  await checkpoint.finished(
    pulled.map((live, index) => ({ livingid: live.livingid, live: finishedOf(merged[index]) })),
    now(),
  );
  return merged;
}

function finishedOf(merged: MergedLive | undefined): FinishedLive {
  return { viewers: merged?.viewers ?? 0, unnamedInviters: merged?.unnamedInviters ?? [] };
}

/**
 * How much a live weighs for the writer's batches: its viewers (what its transaction writes), plus the
 * info row.
 */
export function writeWeight(pulled: PulledLive): number {
  let viewers = 0;
  for (const page of pulled.pages ?? []) {
    viewers += page.stat_info.users.length + page.stat_info.external_users.length;
  }
  return viewers + INFO_WEIGHT;
}

/** The info row and its indexes, in viewer rows' worth of writing. */
const INFO_WEIGHT = 20;

/** A failure worth another round later in the same job: WeCom busy or over a limit, or a network fault. */
export function isTransient(error: unknown): boolean {
  if (error instanceof WeComError) return TRANSIENT_ERRCODES.has(error.errcode);
  return error instanceof WeComTransportError;
}

/** A failure of this one live (WeCom refused or garbled it) that leaves the other lives readable. */
export function isLiveOnly(error: unknown): error is AppError {
  // WeComError, WeComPagingError and WeComProtocolError of that live; 60020 or a bad secret are not.
  return isAppError(error) && error.code === 'WECOM_ERROR' && !isTransient(error);
}

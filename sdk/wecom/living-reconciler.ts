/**
 * Resolves an ambiguous living/create (a -1, a timeout or a dropped connection: WeCom may or may not have
 * created the live) by looking for it among the anchor's lives: same anchor, theme and start. Creating
 * again without looking could leave the anchor with two identical lives (docs/architecture.md "WeCom gateway").
 */
import { firstValueFrom, first, mergeMap, type Observable } from 'rxjs';
import { WeComError } from './errors.js';
import type { CreateLivingRequest, LivingInfo } from './models.js';

/** Status 4: cancelled. A cancelled live with the same theme and start is not the one just created. */
const CANCELLED = 4;

export interface ReconcileSources {
  livingIds: (userid: string) => Observable<string>;
  livingInfo: (livingid: string) => Promise<LivingInfo>;
  /** get_living_info calls in flight at once while searching. */
  concurrency?: number;
}

export function isSameLiving(info: LivingInfo, request: CreateLivingRequest): boolean {
  if (info.status === CANCELLED) return false;
  if (info.theme !== request.theme) return false;
  if (
    info.anchor_userid !== undefined &&
    info.anchor_userid.toLowerCase() !== request.anchor_userid.toLowerCase()
  ) {
    return false;
  }
  return info.reserve_start === request.living_start || info.living_start === request.living_start;
}

/** The livingid WeCom created for `request`, or undefined when the anchor has no such live. */
export async function findCreatedLiving(
  sources: ReconcileSources,
  request: CreateLivingRequest,
): Promise<string | undefined> {
  const found$ = sources.livingIds(request.anchor_userid).pipe(
    mergeMap(async (livingid) => {
      try {
        return isSameLiving(await sources.livingInfo(livingid), request) ? livingid : undefined;
      } catch (error) {
        // A live this app may not read (another app's) cannot be the one it just created. Transport
        // failures propagate: without the full list we cannot say the live does not exist.
        if (error instanceof WeComError && error.code === 'WECOM_ERROR') return undefined;
        throw error;
      }
    }, sources.concurrency ?? 4),
    first((livingid): livingid is string => livingid !== undefined, undefined),
  );
  return firstValueFrom(found$);
}

import type { LivingInfo } from '../../../sdk/wecom/models.js';

/** Statuses after which get_living_info's living_start/living_duration are the actual ones. */
const LIVE = 1;
const ENDED = 2;

/**
 * The `lives` columns one get_living_info answer sets. WeCom reports the reserved times in
 * reserve_start/reserve_living_duration, and in living_start/living_duration the reserved ones until the
 * live starts, then the actual ones (a captured answer: started 2 hours early, lasted 143 s of a reserved hour).
 * A field WeCom leaves out keeps the stored value (undefined columns are not written).
 */
export function livingInfoColumns(info: LivingInfo): Record<string, unknown> {
  const started = info.status === LIVE || info.status === ENDED;
  const columns: Record<string, unknown> = {
    theme: info.theme,
    description: info.description,
    type: info.type,
    status: info.status,
    anchor_userid: info.anchor_userid,
    main_department: info.main_department,
    reserve_start: info.reserve_start ?? (started ? undefined : info.living_start),
    reserve_duration: info.reserve_living_duration ?? (started ? undefined : info.living_duration),
    actual_start: started ? info.living_start : null,
    actual_duration: started ? info.living_duration : null,
    viewer_num: info.viewer_num,
    comment_num: info.comment_num,
    mic_num: info.mic_num,
    open_replay: info.open_replay,
    replay_status: info.replay_status,
    // Only answered for a reserved activity live; a stale address must not outlive that.
    push_stream_url: info.push_stream_url ?? null,
    online_count: info.online_count,
    subscribe_count: info.subscribe_count,
    raw_info: JSON.stringify(info),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

import { IdFactory } from './ids.js';
import { audienceAt } from './online-curve.js';
import { deriveSeed, Prng } from './prng.js';
import type { LiveStatus, SimData, SimLive } from './types.js';
import { generateViewers } from './viewers.js';

/** The status WeCom would report at `now`: the clock moves 0 → 1 → 2; cancel and expiry are final. */
export function liveStatus(live: SimLive, now: number): LiveStatus {
  if (live.cancelled) return 4;
  if (live.expired) return 3;
  if (now < live.actual_start) return 0;
  if (now < live.actual_start + live.actual_duration) return 1;
  return 2;
}

/**
 * A live that started on the simulated clock gets its viewers then, from a PRNG derived from the seed
 * and its livingid, so the outcome does not depend on when somebody looks.
 */
export function ensureViewers(live: SimLive, data: SimData, now: number): void {
  if (live.viewersGenerated || liveStatus(live, now) < 1 || liveStatus(live, now) > 2) return;
  const prng = new Prng(deriveSeed(data.seed, live.livingid));
  live.viewers = generateViewers(prng, new IdFactory(prng, data.corpTag), {
    count: prng.int(3, 30),
    internalShare: 0.3,
    members: data.members,
    anchorUserid: live.anchor_userid,
    withInviters: live.type === 4,
    maxWatchSeconds: live.actual_duration,
    regulars: data.regulars,
  });
  live.viewersGenerated = true;
}

/** Current viewers in the room: 0 before the start and after the end, a moving curve while on. */
export function onlineCount(live: SimLive, now: number, seed: number): number {
  if (liveStatus(live, now) !== 1) return 0;
  return audienceAt(
    {
      livingid: live.livingid,
      actual_start: live.actual_start,
      actual_duration: live.actual_duration,
      viewerCount: Math.max(1, live.viewers.length),
    },
    now,
    seed,
  );
}

/** get_living_info's living_info, fields in the order of the customer's capture. */
export function livingInfo(live: SimLive, data: SimData, now: number): Record<string, unknown> {
  const status = liveStatus(live, now);
  const started = status === 1 || status === 2;
  const anchor = data.members.find((m) => m.userid === live.anchor_userid);
  const commenters = live.viewers.filter((v) => v.is_comment === 1).length;
  const info: Record<string, unknown> = {
    theme: live.theme,
    living_start: started ? live.actual_start : live.reserve_start,
    living_duration:
      status === 1
        ? now - live.actual_start
        : status === 2
          ? live.actual_duration
          : live.reserve_living_duration,
    anchor_userid: live.anchor_userid,
    main_department: anchor?.department[0] ?? 1,
    viewer_num: started ? live.viewers.length : 0,
    comment_num: started ? commenters * live.commentsPerCommenter : 0,
    mic_num: started ? live.viewers.filter((v) => v.is_mic === 1).length : 0,
    open_replay: live.open_replay,
  };
  if (live.open_replay === 1) info.replay_status = live.replay_status;
  info.status = status;
  info.reserve_start = live.reserve_start;
  info.reserve_living_duration = live.reserve_living_duration;
  info.description = live.description;
  info.type = live.type;
  if (live.type === 4 && status === 0) {
    info.push_stream_url = `rtmp://livepush.example.com/live/${live.livingid}?txSecret=${deriveSeed(data.seed, live.livingid).toString(16)}`;
  }
  info.online_count = onlineCount(live, now, data.seed);
  info.subscribe_count = live.subscribe_count;
  return info;
}

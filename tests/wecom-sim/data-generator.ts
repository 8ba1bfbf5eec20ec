import { IdFactory, makeCorpid, makeCorpSecret, makeCorpTag } from './ids.js';
import { generateAgent, generateMembers } from './members.js';
import { THEME_WORDS } from './names.js';
import { Prng } from './prng.js';
import { curatePromotionLive } from './promotion.js';
import type { LiveStatus, LiveType, SimData, SimLive, SimMember } from './types.js';
import { generateRegulars, generateViewers } from './viewers.js';

export interface GeneratorOptions {
  seed: number;
  /** Number of lives (at least 11: the curated ones). */
  lives: number;
  /** Viewers of the big live. */
  viewers: number;
  /** When set, every live beyond the curated ones has ended with exactly this many viewers (bench). */
  viewersPerLive?: number;
  /** Corp members (at least 8). */
  members: number;
  /** The simulated "now" that seeded times are relative to (Unix seconds). */
  now: number;
}

export const MIN_LIVES = 11;
export const MIN_MEMBERS = 8;
const DAY = 86_400;
const DURATIONS = [1800, 3600, 5400, 7200] as const;

interface LivePlan {
  type: LiveType;
  status: LiveStatus;
  anchor: SimMember;
  viewerCount: number;
  role?: 'big' | 'promotion' | 'living' | 'reserved' | 'ended' | 'expired' | 'cancelled';
}

/** The whole seeded corp: same seed and options, same data (times relative to `now`). */
export function generateSimData(options: GeneratorOptions): SimData {
  const prng = new Prng(options.seed);
  const corpid = makeCorpid(prng);
  const corpsecret = makeCorpSecret(prng);
  const corpTag = makeCorpTag(prng);
  const ids = new IdFactory(prng, corpTag);
  const members = generateMembers(prng, Math.max(MIN_MEMBERS, options.members));
  const agent = generateAgent(prng, members);
  const publicIp = `203.0.113.${prng.int(2, 254)}`;
  const regulars = generateRegulars(prng, ids, 40);

  const anchor = members[0] as SimMember;
  const visible = members.filter((m) => !m.denied && m !== anchor);
  const denied = members.filter((m) => m.denied);
  const cast = {
    anchor,
    memberInviter: visible[0] as SimMember,
    selfInviteMember: visible[1] as SimMember,
    deniedInviter: (denied[1] ?? denied[0]) as SimMember,
  };
  const otherAnchor = visible[2] ?? cast.memberInviter;

  const plans = planLives(prng, options, members, anchor, otherAnchor);
  const lives = plans.map((plan) => buildLive(prng, ids, plan, options.now));
  // Creation order follows the reserved start, so "newest first" listings look natural.
  const ordered = lives
    .map((live, index) => ({ live, plan: plans[index] as LivePlan }))
    .sort((x, y) => x.live.reserve_start - y.live.reserve_start);
  ordered.forEach(({ live }, index) => (live.seq = index + 1));

  const curatedMembers = new Set([cast.memberInviter, cast.deniedInviter, cast.selfInviteMember]);
  const viewerPool = members.filter((m) => !curatedMembers.has(m));
  for (const { live, plan } of ordered) {
    if (live.viewersGenerated) {
      live.viewers = generateViewers(prng, ids, {
        count: plan.viewerCount,
        internalShare: plan.role === 'big' ? 0.02 : 0.3,
        members: plan.role === 'promotion' ? viewerPool : members,
        anchorUserid: live.anchor_userid,
        withInviters: live.type === 4,
        maxWatchSeconds: Math.max(5, Math.min(live.actual_duration, options.now - live.actual_start)),
        regulars,
      });
    }
  }

  const byRole = (role: LivePlan['role']): SimLive =>
    ordered.find((entry) => entry.plan.role === role)?.live as SimLive;
  const promotion = byRole('promotion');
  const curated = curatePromotionLive(prng, ids, promotion, cast);

  return {
    seed: options.seed,
    corpid,
    corpsecret,
    corpTag,
    agent,
    otherAgentids: [1000001, 1000003],
    publicIp,
    members,
    regulars,
    lives: ordered.map((entry) => entry.live),
    shareCodes: curated.shareCodes,
    specials: {
      mainAnchorUserid: anchor.userid,
      mainAnchorLiveCount: lives.filter((live) => live.anchor_userid === anchor.userid).length,
      bigLivingid: byRole('big').livingid,
      promotionLivingid: promotion.livingid,
      livingLivingid: byRole('living').livingid,
      reservedLivingid: byRole('reserved').livingid,
      endedLivingid: byRole('ended').livingid,
      expiredLivingid: byRole('expired').livingid,
      cancelledLivingid: byRole('cancelled').livingid,
      ...curated.specials,
      deniedUserid: (denied[0] as SimMember).userid,
      otherAgentid: 1000003,
    },
  };
}

/** The curated lives first (every type and every status), then random ones. */
function planLives(
  prng: Prng,
  options: GeneratorOptions,
  members: readonly SimMember[],
  anchor: SimMember,
  otherAnchor: SimMember,
): LivePlan[] {
  const small = (): number => (prng.chance(0.15) ? 0 : prng.int(3, 60));
  const plans: LivePlan[] = [
    { role: 'big', type: 4, status: 2, anchor, viewerCount: Math.max(1, options.viewers) },
    { role: 'promotion', type: 4, status: 2, anchor, viewerCount: 30 },
    { role: 'living', type: 3, status: 1, anchor, viewerCount: prng.int(20, 80) },
    { role: 'reserved', type: 3, status: 0, anchor, viewerCount: 0 },
    { role: 'cancelled', type: 3, status: 4, anchor, viewerCount: 0 },
    { role: 'ended', type: 3, status: 2, anchor: otherAnchor, viewerCount: prng.int(20, 60) },
    { role: 'expired', type: 0, status: 3, anchor: otherAnchor, viewerCount: 0 },
    { type: 0, status: 2, anchor: otherAnchor, viewerCount: small() },
    { type: 1, status: 2, anchor, viewerCount: small() },
    { type: 2, status: 2, anchor: otherAnchor, viewerCount: small() },
    { type: 4, status: 0, anchor: otherAnchor, viewerCount: 0 },
  ];
  const types: LiveType[] = [3, 3, 3, 3, 0, 0, 4, 4, 1, 2];
  const statuses: LiveStatus[] = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 3, 3, 4, 1];
  while (plans.length < Math.max(MIN_LIVES, options.lives)) {
    if (options.viewersPerLive !== undefined) {
      plans.push({ type: prng.pick(types), status: 2, anchor, viewerCount: options.viewersPerLive });
      continue;
    }
    const status = prng.pick(statuses);
    plans.push({
      type: prng.pick(types),
      status,
      anchor: prng.chance(0.4) ? anchor : prng.pick(members),
      viewerCount: status === 1 || status === 2 ? small() : 0,
    });
  }
  return plans;
}

/** Reserved and actual times differ as in the customer's capture (actual start early, short run). */
function buildLive(prng: Prng, ids: IdFactory, plan: LivePlan, now: number): SimLive {
  const reserveDuration = prng.pick(DURATIONS);
  let reserveStart: number;
  let actualStart: number;
  let actualDuration: number;
  switch (plan.status) {
    case 2:
      reserveStart = roundTo(now - prng.int(DAY, 60 * DAY), 60);
      actualStart = reserveStart + prng.int(-7200, 900);
      actualDuration = Math.max(60, Math.round(reserveDuration * (0.05 + prng.next() * 1.25)));
      break;
    case 1:
      actualStart = now - prng.int(300, 1800);
      actualDuration = prng.int(3600, 7200);
      reserveStart = roundTo(actualStart + prng.int(-600, 600), 60);
      break;
    case 0:
      // The curated reserved live stays reserved for days of simulated time.
      reserveStart = roundTo(now + prng.int(plan.role === 'reserved' ? 3 * DAY : DAY, 20 * DAY), 60);
      actualStart = reserveStart;
      actualDuration = reserveDuration;
      break;
    case 3:
      reserveStart = roundTo(now - prng.int(2 * DAY, 30 * DAY), 60);
      actualStart = reserveStart;
      actualDuration = reserveDuration;
      break;
    default:
      reserveStart = roundTo(now + (prng.chance(0.5) ? 1 : -1) * prng.int(DAY, 10 * DAY), 60);
      actualStart = reserveStart;
      actualDuration = reserveDuration;
  }
  const theme = `${prng.pick(THEME_WORDS)}-第${prng.int(1, 30)}期`;
  const openReplay = plan.status === 2 && prng.chance(0.6) ? 1 : 0;
  return {
    livingid: ids.livingid(),
    seq: 0,
    anchor_userid: plan.anchor.userid,
    theme,
    description: plan.type === 4 ? '' : `${theme}，欢迎准时参加`,
    type: plan.type,
    reserve_start: reserveStart,
    reserve_living_duration: reserveDuration,
    actual_start: actualStart,
    actual_duration: actualDuration,
    cancelled: plan.status === 4,
    expired: plan.status === 3,
    remind_time: prng.pick([0, 300, 900]),
    open_replay: openReplay,
    replay_status: openReplay === 1 ? (prng.chance(0.1) ? 3 : 0) : 0,
    subscribe_count: prng.int(0, 200),
    commentsPerCommenter: prng.int(1, 4),
    createdByApi: false,
    viewersGenerated: plan.status === 1 || plan.status === 2,
    viewers: [],
  };
}

function roundTo(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

import type { ExternalViewer, InternalViewer, RegularViewer, SimMember, SimViewer } from './types.js';
import type { IdFactory } from './ids.js';
import { GIVEN_NAMES, NICKNAMES, SURNAMES } from './names.js';
import type { Prng } from './prng.js';

export interface ViewerPlan {
  count: number;
  /** Share of the viewers that are corp members (bounded by the number of members). */
  internalShare: number;
  members: readonly SimMember[];
  anchorUserid: string;
  /** Only promotion (type 4) lives carry inviter fields. */
  withInviters: boolean;
  maxWatchSeconds: number;
  /** External people who come back: some external viewers are drawn from them. */
  regulars: readonly RegularViewer[];
}

/** Random viewers of one live: members (userid only) first, then WeChat/WeCom external viewers. */
export function generateViewers(prng: Prng, ids: IdFactory, plan: ViewerPlan): SimViewer[] {
  const candidates = prng.shuffle(plan.members.filter((m) => m.userid !== plan.anchorUserid));
  const internalCount = Math.min(candidates.length, Math.round(plan.count * plan.internalShare));
  const viewers: SimViewer[] = [];
  for (let i = 0; i < internalCount; i += 1) {
    const member = candidates[i] as SimMember;
    const viewer: InternalViewer = { kind: 'internal', userid: member.userid, ...activity(prng, plan) };
    viewers.push(viewer);
  }
  const regulars = prng.shuffle(plan.regulars);
  for (let i = internalCount; i < plan.count; i += 1) {
    const regular = regulars.length > 0 && prng.chance(0.15) ? regulars.pop() : undefined;
    const type = regular?.type ?? (prng.chance(0.8) ? 1 : 2);
    const viewer: ExternalViewer = {
      kind: 'external',
      external_userid: regular?.external_userid ?? ids.externalUserid(),
      type,
      name: regular?.name ?? externalName(prng, type),
      ...activity(prng, plan),
    };
    viewers.push(viewer);
  }
  if (plan.withInviters) assignInviters(prng, viewers, plan);
  return viewers;
}

function activity(
  prng: Prng,
  plan: ViewerPlan,
): Pick<InternalViewer, 'watch_time' | 'is_comment' | 'is_mic'> {
  return {
    watch_time: prng.int(5, Math.max(5, plan.maxWatchSeconds)),
    is_comment: prng.chance(0.3) ? 1 : 0,
    is_mic: prng.chance(0.03) ? 1 : 0,
  };
}

export function generateRegulars(prng: Prng, ids: IdFactory, count: number): RegularViewer[] {
  return Array.from({ length: count }, () => {
    const type = prng.chance(0.8) ? 1 : 2;
    return { external_userid: ids.externalUserid(), type, name: externalName(prng, type) };
  });
}

/** WeChat users show a nickname (sometimes none at all); WeCom users of other corps a real name. */
export function externalName(prng: Prng, type: 1 | 2): string {
  if (prng.chance(0.05)) return '';
  if (type === 2) return `${prng.pick(SURNAMES)[1]}${prng.pick(GIVEN_NAMES)[1]}`;
  const nickname = prng.pick(NICKNAMES);
  return prng.chance(0.5) ? nickname : `${nickname}${prng.int(1, 99)}`;
}

/** Who shared the card the viewer first came in through: the anchor, another member, or a viewer. */
function assignInviters(prng: Prng, viewers: SimViewer[], plan: ViewerPlan): void {
  const memberInviters = plan.members.filter((m) => m.userid !== plan.anchorUserid).slice(0, 8);
  // Externals seen so far: an inviter came in before the viewer, and is never the viewer themself.
  const earlier: ExternalViewer[] = [];
  for (const viewer of viewers) {
    if (prng.chance(0.65)) {
      const roll = prng.next();
      if (roll < 0.3 || memberInviters.length === 0) viewer.invitor_userid = plan.anchorUserid;
      else if (roll < 0.6) {
        const others = memberInviters.filter((m) => viewer.kind !== 'internal' || m.userid !== viewer.userid);
        viewer.invitor_userid = others.length > 0 ? prng.pick(others).userid : plan.anchorUserid;
      } else if (earlier.length > 0) viewer.invitor_external_userid = prng.pick(earlier).external_userid;
      else viewer.invitor_userid = plan.anchorUserid;
    }
    if (viewer.kind === 'external') earlier.push(viewer);
  }
}

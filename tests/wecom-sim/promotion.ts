import type { IdFactory } from './ids.js';
import { ID_ALPHABET, type Prng } from './prng.js';
import type {
  ExternalViewer,
  InternalViewer,
  PromotionSpecials,
  SimLive,
  SimMember,
  SimShareCode,
} from './types.js';

/** The people the curated promotion live needs; none of them is among its random viewers. */
export interface PromotionCast {
  anchor: SimMember;
  memberInviter: SimMember;
  deniedInviter: SimMember;
  selfInviteMember: SimMember;
}

/**
 * Adds the inviter cases of R4.6 to a promotion live, each with a known id: inviter named in the
 * stats, inviter = anchor, inviter = another viewer (never oneself), an inviter only user/get can name,
 * one it may not read (60011), one nobody can name, plus self-invites (an external viewer, a member, the
 * anchor), an empty name and a shared name.
 */
export function curatePromotionLive(
  prng: Prng,
  ids: IdFactory,
  live: SimLive,
  cast: PromotionCast,
): { specials: PromotionSpecials; shareCodes: SimShareCode[] } {
  const maxWatch = Math.max(60, live.actual_duration);
  const external = (name: string, type: 1 | 2 = 1): ExternalViewer => ({
    kind: 'external',
    external_userid: ids.externalUserid(),
    type,
    name,
    watch_time: prng.int(30, maxWatch),
    is_comment: prng.chance(0.5) ? 1 : 0,
    is_mic: 0,
  });

  // As in the customer's capture: 黍离。 came through the anchor's card and brought 万强.
  const viewerInviter = external('黍离。');
  viewerInviter.invitor_userid = cast.anchor.userid;
  const viewerInvited = external('万强');
  viewerInvited.invitor_external_userid = viewerInviter.external_userid;

  const selfInvite = external('自来水');
  selfInvite.invitor_external_userid = selfInvite.external_userid;

  const selfInviteMember: InternalViewer = {
    kind: 'internal',
    userid: cast.selfInviteMember.userid,
    watch_time: prng.int(30, maxWatch),
    is_comment: 1,
    is_mic: 1,
    invitor_userid: cast.selfInviteMember.userid,
  };

  // The anchor watched their own live through their own card (a live not created by the app: no typed
  // anchor name, so the anchor's other invitations are named through user/get, never this one).
  const anchorSelfInvite: InternalViewer = {
    kind: 'internal',
    userid: cast.anchor.userid,
    watch_time: prng.int(30, maxWatch),
    is_comment: 0,
    is_mic: 0,
    invitor_userid: cast.anchor.userid,
  };

  const byMemberA = external('老客户A', 2);
  byMemberA.invitor_userid = cast.memberInviter.userid;
  const byMemberB = external('老客户B');
  byMemberB.invitor_userid = cast.memberInviter.userid;

  const byDenied = external('外包介绍');
  byDenied.invitor_userid = cast.deniedInviter.userid;

  const unknownExternalInviter = ids.externalUserid();
  const byUnknown = external('路过的朋友');
  byUnknown.invitor_external_userid = unknownExternalInviter;

  const emptyName = external('');
  emptyName.invitor_userid = cast.anchor.userid;

  const duplicateViewerName = '晴天';
  const twinA = external(duplicateViewerName);
  twinA.invitor_userid = cast.anchor.userid;
  const twinB = external(duplicateViewerName);
  twinB.invitor_external_userid = viewerInviter.external_userid;

  live.viewers.push(
    selfInviteMember,
    anchorSelfInvite,
    viewerInviter,
    viewerInvited,
    selfInvite,
    byMemberA,
    byMemberB,
    byDenied,
    byUnknown,
    emptyName,
    twinA,
    twinB,
  );

  const shareCode = prng.string(ID_ALPHABET, 32);
  const shareCodes: SimShareCode[] = [
    {
      code: shareCode,
      livingid: live.livingid,
      viewer_external_userid: viewerInviter.external_userid,
      invitor_userid: cast.anchor.userid,
    },
    {
      code: prng.string(ID_ALPHABET, 32),
      livingid: live.livingid,
      viewer_external_userid: viewerInvited.external_userid,
      invitor_external_userid: viewerInviter.external_userid,
    },
    {
      code: prng.string(ID_ALPHABET, 32),
      livingid: live.livingid,
      viewer_userid: selfInviteMember.userid,
      invitor_userid: selfInviteMember.userid,
    },
  ];

  return {
    specials: {
      selfInviteViewer: selfInvite.external_userid,
      selfInviteMember: selfInviteMember.userid,
      anchorSelfInvite: anchorSelfInvite.userid,
      anchorInvitedViewer: viewerInviter.external_userid,
      viewerInvitedViewer: viewerInvited.external_userid,
      viewerInviter: viewerInviter.external_userid,
      memberInviterUserid: cast.memberInviter.userid,
      deniedInviterUserid: cast.deniedInviter.userid,
      unknownExternalInviter,
      emptyNameViewer: emptyName.external_userid,
      duplicateViewerName,
      shareCode,
    },
    shareCodes,
  };
}

// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { defineChannel, returns } from '../../../sdk/contracts/channel.js';
import type { CheckinCandidate, PageOf, UnmatchedCheckin } from '../../../sdk/contracts/lives.js';
import {
  CandidatesSchema,
  ExportSchema,
  GetDetailSchema,
  ResolveSchema,
  UnmatchedSchema,
} from './input-schemas.js';
import type {
  InvitationRecipient,
  InvitationSummary,
  InviteDirectoryAnswer,
  InviteResolveAnswer,
  InviteStarted,
} from './invite-api.js';
import {
  InvitationRecipientsSchema,
  InvitationsSchema,
  InviteDirectorySchema,
  InviteResolveSchema,
  InviteRetrySchema,
  InviteSendSchema,
} from './invite-schemas.js';
import type { LiveDetailAnswer } from './live-detail-api.js';
import type { DeleteReplayAnswer, LivingCodeAnswer, ShareInfoAnswer } from './live-surface-api.js';
import { DeleteReplaySchema, LivingCodeSchema, ShareInfoSchema } from './live-surface-schemas.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

// ---- The detail page (R5, R7) ----

/** One live's viewers joined with check-ins, its rounds and profile; `refresh` pulls WeCom first (R5.1). */
export const GET = defineChannel({
  name: 'live-detail.get',
  input: GetDetailSchema,
  output: returns<LiveDetailAnswer>(),
  ...guard,
});

/** Check-in rows kept without a viewer (no viewer or several with the name), page by page. */
export const UNMATCHED = defineChannel({
  name: 'live-detail.unmatched',
  input: UnmatchedSchema,
  output: returns<PageOf<UnmatchedCheckin>>(),
  ...guard,
});

/** An ambiguous check-in row: the viewers it may belong to (same normalised name, fitting origin). */
export const CANDIDATES = defineChannel({
  name: 'live-detail.candidates',
  input: CandidatesSchema,
  output: returns<CheckinCandidate[]>(),
  ...guard,
});

/** "这是他/她": the pick is kept across re-imports of the same workbook and counts at once. */
export const RESOLVE = defineChannel({
  name: 'live-detail.resolve',
  input: ResolveSchema,
  output: returns<CheckinCandidate>(),
  ...guard,
});

/** Starts the detail export of one live (its result: LiveDetailExportResult). */
export const EXPORT = defineChannel({
  name: 'live-detail.export',
  input: ExportSchema,
  output: returns<{ jobId: string }>(),
  ...guard,
});

// ---- Invitations by app message (R10.3) ----

/** Departments and members to pick from (department/list, user/simplelist), searched by name or userid. */
export const INVITE_DIRECTORY = defineChannel({
  name: 'live-detail.inviteDirectory',
  input: InviteDirectorySchema,
  output: returns<InviteDirectoryAnswer>(),
  ...guard,
});

/** Pasted userids checked against the directory before sending. */
export const INVITE_RESOLVE = defineChannel({
  name: 'live-detail.inviteResolve',
  input: InviteResolveSchema,
  output: returns<InviteResolveAnswer>(),
  ...guard,
});

/** Stores an invitation with its batches and starts the job that sends them. */
export const INVITE = defineChannel({
  name: 'live-detail.invite',
  input: InviteSendSchema,
  output: returns<InviteStarted>(),
  ...guard,
});

/** Sends again only the batches that failed (and lost answers within WeCom's duplicate window). */
export const INVITE_RETRY = defineChannel({
  name: 'live-detail.inviteRetry',
  input: InviteRetrySchema,
  output: returns<InviteStarted & { recipients: number; unknownTooOld: number }>(),
  ...guard,
});

/** A live's invitations, newest first. */
export const INVITATIONS = defineChannel({
  name: 'live-detail.invitations',
  input: InvitationsSchema,
  output: returns<InvitationSummary[]>(),
  ...guard,
});

/** One invitation's recipients, by state, page by page. */
export const INVITATION_RECIPIENTS = defineChannel({
  name: 'live-detail.invitationRecipients',
  input: InvitationRecipientsSchema,
  output: returns<{ rows: InvitationRecipient[]; total: number }>(),
  ...guard,
});

// ---- The rest of WeCom's live surface (R10.1) ----

/** living/delete_replay_data: WeCom admins only. */
export const DELETE_REPLAY = defineChannel({
  name: 'live-detail.deleteReplay',
  input: DeleteReplaySchema,
  output: returns<DeleteReplayAnswer>(),
  minTier: 'wecom-admin',
  requiresCorp: true,
});

/** A WeChat viewer's living_code as a QR image. */
export const LIVING_CODE = defineChannel({
  name: 'live-detail.livingCode',
  input: LivingCodeSchema,
  output: returns<LivingCodeAnswer>(),
  ...guard,
});

/** Who shared a link (get_living_share_info), with names where known. */
export const SHARE_INFO = defineChannel({
  name: 'live-detail.shareInfo',
  input: ShareInfoSchema,
  output: returns<ShareInfoAnswer>(),
  ...guard,
});

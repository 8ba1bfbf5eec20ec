// The plugin's channels, declared once for both ends (docs/architecture.md "Channels").
import { corpChannel, defineChannel, returns } from '../../../sdk/contracts/channel.js';
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

// ---- The detail page (R5, R7) ----

/** One live's viewers joined with check-ins, its rounds and profile; `refresh` pulls WeCom first (R5.1). */
export const GET = corpChannel('live-detail.get', GetDetailSchema, returns<LiveDetailAnswer>());

/** Check-in rows kept without a viewer (no viewer or several with the name), page by page. */
export const UNMATCHED = corpChannel(
  'live-detail.unmatched',
  UnmatchedSchema,
  returns<PageOf<UnmatchedCheckin>>(),
);

/** An ambiguous check-in row: the viewers it may belong to (same normalised name, fitting origin). */
export const CANDIDATES = corpChannel(
  'live-detail.candidates',
  CandidatesSchema,
  returns<CheckinCandidate[]>(),
);

/** "这是他/她": the pick is kept across re-imports of the same workbook and counts at once. */
export const RESOLVE = corpChannel('live-detail.resolve', ResolveSchema, returns<CheckinCandidate>());

/** Starts the detail export of one live (its result: LiveDetailExportResult). */
export const EXPORT = corpChannel('live-detail.export', ExportSchema, returns<{ jobId: string }>());

// ---- Invitations by app message (R10.3) ----

/** Departments and members to pick from (department/list, user/simplelist), searched by name or userid. */
export const INVITE_DIRECTORY = corpChannel(
  'live-detail.inviteDirectory',
  InviteDirectorySchema,
  returns<InviteDirectoryAnswer>(),
);

/** Pasted userids checked against the directory before sending. */
export const INVITE_RESOLVE = corpChannel(
  'live-detail.inviteResolve',
  InviteResolveSchema,
  returns<InviteResolveAnswer>(),
);

/** Stores an invitation with its batches and starts the job that sends them. */
export const INVITE = corpChannel('live-detail.invite', InviteSendSchema, returns<InviteStarted>());

/** Sends again only the batches that failed (and lost answers within WeCom's duplicate window). */
export const INVITE_RETRY = corpChannel(
  'live-detail.inviteRetry',
  InviteRetrySchema,
  returns<InviteStarted & { recipients: number; unknownTooOld: number }>(),
);

/** A live's invitations, newest first. */
export const INVITATIONS = corpChannel(
  'live-detail.invitations',
  InvitationsSchema,
  returns<InvitationSummary[]>(),
);

/** One invitation's recipients, by state, page by page. */
export const INVITATION_RECIPIENTS = corpChannel(
  'live-detail.invitationRecipients',
  InvitationRecipientsSchema,
  returns<{ rows: InvitationRecipient[]; total: number }>(),
);

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
export const LIVING_CODE = corpChannel(
  'live-detail.livingCode',
  LivingCodeSchema,
  returns<LivingCodeAnswer>(),
);

/** Who shared a link (get_living_share_info), with names where known. */
export const SHARE_INFO = corpChannel('live-detail.shareInfo', ShareInfoSchema, returns<ShareInfoAnswer>());

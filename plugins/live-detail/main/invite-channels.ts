// The invitation channels (R10.3) of the live-detail plugin; see invite-job.ts for the sending.
import type { Knex } from 'knex';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { CallContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import type { InvitationRecipient, InvitationSummary } from '../shared/invite-api.js';
import { InviteDirectory } from './invite-directory.js';
import { INVITE_JOB, InviteService } from './invite-job.js';
import {
  InvitationRecipientsSchema,
  InvitationsSchema,
  InviteDirectorySchema,
  InviteResolveSchema,
  InviteRetrySchema,
  InviteSendSchema,
} from './invite-schemas.js';

const guard = { minTier: 'user', requiresCorp: true } as const;

function corpOf(call: CallContext): string {
  if (call.corp === null) throw new AppError('FORBIDDEN', '此操作需要先登录企业。', { requiresCorp: true });
  return call.corp.corpId;
}

export function registerInvitations(ctx: PluginContext): InviteService {
  const directory = new InviteDirectory();
  const service = new InviteService(ctx, directory);
  ctx.scheduler.registerJob(INVITE_JOB, service.job());

  // Departments and members to pick from (department/list, user/simplelist), searched by name or userid.
  ctx.handle('inviteDirectory', { input: InviteDirectorySchema, ...guard }, async (input, call) =>
    directory.search(corpOf(call), await ctx.wecom.forCall(call), input),
  );

  // Pasted userids checked against the directory before sending.
  ctx.handle('inviteResolve', { input: InviteResolveSchema, ...guard }, async (input, call) =>
    directory.resolve(corpOf(call), await ctx.wecom.forCall(call), input.userids),
  );

  ctx.handle('invite', { input: InviteSendSchema, ...guard }, (input, call) => service.start(input, call));

  ctx.handle('inviteRetry', { input: InviteRetrySchema, ...guard }, (input, call) =>
    service.retry(input.invitationId, call),
  );

  ctx.handle(
    'invitations',
    { input: InvitationsSchema, ...guard },
    async (input, call): Promise<InvitationSummary[]> => {
      const list = await service.store.list(corpOf(call), input.livingid);
      // A job the app lost (stopped mid-send) no longer holds its invitation: it can be retried.
      return Promise.all(
        list.map(async (invitation) =>
          invitation.jobId !== null && !(await service.jobRunning(invitation.jobId, call))
            ? { ...invitation, jobId: null }
            : invitation,
        ),
      );
    },
  );

  ctx.handle(
    'invitationRecipients',
    { input: InvitationRecipientsSchema, ...guard },
    async (input, call): Promise<{ rows: InvitationRecipient[]; total: number }> => {
      const row = await service.store.get(corpOf(call), input.invitationId);
      if (row === undefined) throw new AppError('NOT_FOUND', '没有这次邀请，请刷新后重试。');
      return service.store.recipients(input.invitationId, {
        ...(input.states === undefined ? {} : { states: input.states }),
        page: input.page,
        pageSize: input.pageSize,
      });
    },
  );
  // 数据清理: invitations sent before the chosen day go with their batches and recipients (children first).
  const older = (db: Knex, before: Date) =>
    db('live_detail_invitations').where('created_at', '<', before.getTime()).select('id');
  ctx.retention.register({
    id: 'invitations',
    label: '直播邀请消息记录',
    count: async (before, db) =>
      Number(
        (
          (await db('live_detail_invitation_recipients')
            .whereIn('invitation_id', older(db, before))
            .count({ n: '*' })
            .first()) as {
            n: number | string;
          }
        ).n,
      ),
    purge: async (before, trx) => {
      const deleted = await trx('live_detail_invitation_recipients')
        .whereIn('invitation_id', older(trx, before))
        .delete();
      await trx('live_detail_invitation_batches').whereIn('invitation_id', older(trx, before)).delete();
      await trx('live_detail_invitations').where('created_at', '<', before.getTime()).delete();
      return deleted;
    },
  });
  return service;
}

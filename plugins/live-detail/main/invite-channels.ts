// The invitation channels (R10.3) of the live-detail plugin; see invite-job.ts for the sending.
import type { Knex } from 'knex';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { PluginContext } from '../../../sdk/main/plugin-context.js';
import {
  INVITATION_RECIPIENTS,
  INVITATIONS,
  INVITE,
  INVITE_DIRECTORY,
  INVITE_RESOLVE,
  INVITE_RETRY,
} from '../shared/channels.js';
import { InviteDirectory } from './invite-directory.js';
import { INVITE_JOB, InviteService } from './invite-job.js';
export function registerInvitations(ctx: PluginContext): InviteService {
  const directory = new InviteDirectory();
  const service = new InviteService(ctx, directory);
  ctx.scheduler.registerJob(INVITE_JOB, service.job());

  // Departments and members to pick from (department/list, user/simplelist), searched by name or userid.
  ctx.handle(INVITE_DIRECTORY, async (input, call) =>
    directory.search(call.corp.corpId, await ctx.wecom.forCall(call), input),
  );

  // Pasted userids checked against the directory before sending.
  ctx.handle(INVITE_RESOLVE, async (input, call) =>
    directory.resolve(call.corp.corpId, await ctx.wecom.forCall(call), input.userids),
  );

  ctx.handle(INVITE, (input, call) => service.start(input, call));

  ctx.handle(INVITE_RETRY, (input, call) => service.retry(input.invitationId, call));

  ctx.handle(INVITATIONS, async (input, call) => {
    const list = await service.store.list(call.corp.corpId, input.livingid);
    // A job the app lost (stopped mid-send) no longer holds its invitation: it can be retried.
    return Promise.all(
      list.map(async (invitation) =>
        invitation.jobId !== null && !(await service.jobRunning(invitation.jobId, call))
          ? { ...invitation, jobId: null }
          : invitation,
      ),
    );
  });

  ctx.handle(INVITATION_RECIPIENTS, async (input, call) => {
    const row = await service.store.get(call.corp.corpId, input.invitationId);
    if (row === undefined) throw new AppError('NOT_FOUND', '没有这次邀请，请刷新后重试。');
    return service.store.recipients(input.invitationId, {
      ...(input.states === undefined ? {} : { states: input.states }),
      page: input.page,
      pageSize: input.pageSize,
    });
  });
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

// `live-detail.invite` and `.inviteRetry` (R10.3): checks, stores the invitation with its batches, then
// a job sends the batches one message/send each, every batch exactly once (see `sendBatch`).
import type { CorpCall } from '../../../sdk/contracts/channel.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { LiveRecord } from '../../../sdk/contracts/lives.js';
import type { CallContext, JobContext, PluginContext } from '../../../sdk/main/plugin-context.js';
import { errcodeMessage } from '../../../sdk/wecom/errcode-messages.js';
import { WeComError, WeComTransportError } from '../../../sdk/wecom/errors.js';
import type { WeComGateway } from '../../../sdk/wecom/gateway.js';
import { isAmbiguousWriteFailure } from '../../../sdk/wecom/retry.js';
import {
  DUPLICATE_CHECK_SECONDS,
  MAX_RECIPIENTS,
  buildInviteCard,
  type InviteJobResult,
  type InviteStarted,
} from '../shared/invite-api.js';
import type { InviteSend } from '../shared/invite-schemas.js';
import type { InviteDirectory } from './invite-directory.js';
import { Invitations, type BatchOutcome, type BatchRow } from './invitations.js';

export const INVITE_JOB = 'invite';

export interface InviteJobInput {
  corpId: string;
  invitationId: string;
}

const UNKNOWN_REASON =
  '企业微信的答复丢失（超时或连接中断），消息可能已送达；4 小时内重试不会重复发送（企业微信的重复消息检查）';

function invalid(field: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_INPUT', message, { field, ...extra });
}

/** Ended, expired or cancelled lives take no invitations (nobody can join them any more). */
export function checkLiveOpen(live: LiveRecord): void {
  if (live.status === 2)
    throw invalid(
      'livingid',
      `直播「${live.theme}」已结束，不能再邀请观看；如需观看回放，请在企业微信中分享回放。`,
    );
  if (live.status === 3) throw invalid('livingid', `直播「${live.theme}」已过期（没有开播），不能邀请观看。`);
  if (live.status === 4) throw invalid('livingid', `直播「${live.theme}」已取消，不能邀请观看。`);
}

export class InviteService {
  readonly store: Invitations;

  constructor(
    private readonly ctx: PluginContext,
    private readonly directory: InviteDirectory,
  ) {
    this.store = new Invitations(ctx.db);
  }

  /** Validates, stores the invitation (batches and recipients) and starts its job. */
  async start(input: InviteSend, call: CorpCall): Promise<InviteStarted> {
    const corpId = call.corp.corpId;
    const sender = call.user.userid;
    const live = await this.ctx.liveStore.get(corpId, input.livingid);
    if (live === undefined) {
      throw new AppError('NOT_FOUND', `本地没有这场直播：${input.livingid}`, { livingid: input.livingid });
    }
    checkLiveOpen(live);
    const userids = dedupe(input.userids);
    if (userids.length === 0 && input.departmentIds.length === 0) {
      throw invalid('recipients', '收件人为空：请按成员、按部门选择，或粘贴 userid 后再发送。');
    }
    if (userids.length > MAX_RECIPIENTS) {
      throw invalid(
        'recipients',
        `收件人太多（${userids.length} 人）：一次最多邀请 ${MAX_RECIPIENTS} 人，请分几次发送。`,
      );
    }
    const gateway = await this.ctx.wecom.forCall(call);
    const resolved = await this.directory.resolve(corpId, gateway, userids);
    if (resolved.unknown.length > 0) {
      const shown = resolved.unknown.slice(0, 10).join('、');
      throw invalid(
        'userids',
        `收件人中有 ${resolved.unknown.length} 个 userid 不在企业通讯录（应用可见范围）中：${shown}${resolved.unknown.length > 10 ? ' 等' : ''}。请删除或改正后再发送（可能已离职或拼写有误）。`,
        { unknown: resolved.unknown },
      );
    }
    const unknownDepartments = await this.directory.unknownDepartments(corpId, gateway, input.departmentIds);
    if (unknownDepartments.length > 0) {
      throw invalid(
        'departmentIds',
        `部门 ${unknownDepartments.join('、')} 不在应用可见范围内，请重新选择部门。`,
      );
    }
    // Departments go out as their members (touser), so every person's answer is recorded and the viewer
    // list can tell who was invited; only without a readable directory would toparty be needed, and then
    // no department can be picked.
    const departmentMembers = await this.directory.membersOf(corpId, gateway, input.departmentIds);
    const recipients = new Map<string, { userid: string; name: string }>();
    for (const member of [...resolved.known, ...departmentMembers]) {
      const key = member.userid.toLowerCase();
      if (!recipients.has(key)) recipients.set(key, { userid: member.userid, name: member.name });
    }
    if (recipients.size === 0) {
      throw invalid('recipients', '所选部门里没有应用可见范围内的成员：请另选部门或成员。');
    }
    if (recipients.size > MAX_RECIPIENTS) {
      throw invalid(
        'recipients',
        `收件人太多（${recipients.size} 人）：一次最多邀请 ${MAX_RECIPIENTS} 人，请分几次发送。`,
      );
    }
    const card = buildInviteCard({ live, link: input.link, note: input.note, timeZone: this.ctx.timeZone });
    const { id, replayed } = await this.store.create(
      {
        corpId,
        livingid: live.livingid,
        senderUserid: sender,
        idempotencyKey: input.idempotencyKey,
        note: input.note.trim(),
        card,
        departmentIds: [...new Set(input.departmentIds)],
        // Userids as the directory stores them: case variants of one member are one recipient.
        recipients: [...recipients.values()],
      },
      Date.now(),
    );
    if (replayed) {
      const row = await this.store.get(corpId, id);
      return { invitationId: id, jobId: row?.job_id ?? null, replayed: true };
    }
    const { jobId } = await this.ctx.scheduler.start<InviteJobInput>(
      INVITE_JOB,
      { corpId, invitationId: id },
      call,
    );
    await this.store.setJob(id, jobId);
    await this.ctx.audit.record(call, {
      action: 'invite',
      target: `${live.theme}（${live.livingid}）`,
      detail: { invitationId: id, recipients: userids.length, departments: input.departmentIds.length },
    });
    return { invitationId: id, jobId, replayed: false };
  }

  /** Sends again only the batches that failed (and those with a lost answer, within WeCom's window). */
  async retry(
    invitationId: string,
    call: CorpCall,
  ): Promise<InviteStarted & { recipients: number; unknownTooOld: number }> {
    const corpId = call.corp.corpId;
    const row = await this.store.get(corpId, invitationId);
    if (row === undefined) throw new AppError('NOT_FOUND', '没有这次邀请，请刷新后重试。', { invitationId });
    if (row.job_id !== null && (await this.jobRunning(row.job_id, call))) {
      throw new AppError('CONFLICT', '这次邀请正在发送，请等它完成后再重试失败的。', { invitationId });
    }
    const live = await this.ctx.liveStore.get(corpId, row.livingid);
    if (live !== undefined) checkLiveOpen(live);
    const rearmed = await this.store.rearmFailed(invitationId, Date.now(), DUPLICATE_CHECK_SECONDS * 1000);
    if (rearmed.batches === 0) {
      throw invalid(
        'invitationId',
        rearmed.unknownTooOld > 0
          ? '结果未知的消息已超过企业微信 4 小时的重复检查时间，重发可能让部分成员收到两次：请先在企业微信管理后台核对，必要时新建一次邀请。'
          : '没有发送失败的收件人需要重试（被企业微信退回的 userid 重试也不会成功，请改正后新建邀请）。',
      );
    }
    const { jobId } = await this.ctx.scheduler.start<InviteJobInput>(
      INVITE_JOB,
      { corpId, invitationId },
      call,
    );
    await this.store.setJob(invitationId, jobId);
    await this.ctx.audit.record(call, {
      action: 'inviteRetry',
      target: `${live?.theme ?? row.livingid}（${row.livingid}）`,
      detail: { invitationId, batches: rearmed.batches, recipients: rearmed.recipients },
    });
    return {
      invitationId,
      jobId,
      replayed: false,
      recipients: rearmed.recipients,
      unknownTooOld: rearmed.unknownTooOld,
    };
  }

  /** A job that is still queued or running (one the app lost on a restart is not). */
  async jobRunning(jobId: string, call: CallContext): Promise<boolean> {
    try {
      const job = await this.ctx.scheduler.get(jobId, call);
      return job.state === 'queued' || job.state === 'running';
    } catch {
      return false;
    }
  }

  /** The job: every pending batch once, in order, each result written in one transaction. */
  job() {
    return async (job: JobContext<InviteJobInput>): Promise<InviteJobResult> => {
      const { corpId, invitationId } = job.input;
      const row = await this.store.get(corpId, invitationId);
      if (row === undefined) throw new Error(`没有这次邀请：${invitationId}`);
      try {
        // A batch a stopped app left mid-send may have gone out: unknown, not pending.
        await this.store.markInterrupted(invitationId, UNKNOWN_REASON);
        const gateway = await this.ctx.wecom.forCorp(corpId);
        const pending = await this.store.batches(invitationId, ['pending']);
        const card = JSON.parse(row.card) as ReturnType<typeof buildInviteCard>;
        for (const [index, batch] of pending.entries()) {
          job.signal.throwIfAborted();
          job.progress(index, pending.length, `正在发送第 ${index + 1}/${pending.length} 批`);
          await this.sendBatch(gateway, batch, card);
        }
        job.progress(pending.length, pending.length, '已完成');
        return { invitationId, counts: await this.store.counts(invitationId) };
      } finally {
        await this.store.finish(invitationId, Date.now());
      }
    };
  }

  /**
   * One batch, exactly once. The batch row is marked "sending" (committed) before the request leaves.
   * Then:
   * - WeCom answered: sent, with its invaliduser / invalidparty per recipient;
   * - WeCom refused for certain (an errcode other than -1, a connection never made): failed, retryable;
   *   81013 (nobody valid) is final for those recipients;
   * - no reliable answer (timeout, dropped connection, -1): unknown. It is NOT sent again here: WeCom's
   *   message/send has no idempotency key and no way to ask whether a message went out.
   *
   * Every message carries `enable_duplicate_check: 1` with the longest `duplicate_check_interval` WeCom
   * allows (4 hours): WeCom then drops the same card to the same recipients inside that window. That is
   * what makes "retry failed" safe for an unknown batch: the resend is byte for byte the stored card to the
   * stored touser, so whoever already got it does not get it twice. Past the window an unknown batch is
   * not resent (`Invitations.rearmFailed`). The gateway itself never repeats a message/send after a timeout.
   */
  private async sendBatch(
    gateway: WeComGateway,
    batch: BatchRow,
    card: ReturnType<typeof buildInviteCard>,
  ): Promise<void> {
    if (!(await this.store.claim(batch, Date.now()))) return;
    const touser = JSON.parse(batch.touser) as string[];
    const toparty = JSON.parse(batch.toparty) as number[];
    let outcome: BatchOutcome;
    try {
      const answer = await gateway.sendMessage({
        ...(touser.length > 0 ? { touser: touser.join('|') } : {}),
        ...(toparty.length > 0 ? { toparty: toparty.join('|') } : {}),
        msgtype: 'textcard',
        textcard: card,
        enable_duplicate_check: 1,
        duplicate_check_interval: DUPLICATE_CHECK_SECONDS,
      });
      outcome = {
        kind: 'sent',
        msgid: answer.msgid ?? null,
        invalidUsers: splitIds(answer.invaliduser),
        invalidParties: splitIds(answer.invalidparty).map(Number),
        at: Date.now(),
      };
    } catch (error) {
      outcome = failure(error);
    }
    await this.store.settle(batch, outcome);
  }
}

function failure(error: unknown): BatchOutcome {
  const at = Date.now();
  if (isAmbiguousWriteFailure(error)) {
    return {
      kind: 'unknown',
      errmsg: error instanceof Error ? error.message : String(error),
      reason: UNKNOWN_REASON,
      at,
    };
  }
  if (error instanceof WeComError) {
    const reason = `${errcodeMessage(error.errcode)}（错误码 ${error.errcode}）`;
    return {
      kind: error.errcode === 81013 ? 'rejected' : 'failed',
      errcode: error.errcode,
      errmsg: error.errmsg,
      reason,
      at,
    };
  }
  if (error instanceof WeComTransportError || error instanceof AppError) {
    return { kind: 'failed', errcode: null, errmsg: error.message, reason: `没有发出：${error.message}`, at };
  }
  throw error;
}

function splitIds(value: string | undefined): string[] {
  return (value ?? '').split('|').filter((id) => id !== '');
}

function dedupe(userids: readonly string[]): string[] {
  const seen = new Set<string>();
  return userids
    .map((u) => u.trim())
    .filter((u) => {
      const key = u.toLowerCase();
      if (u === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// The plugin's invitation tables (migrations/001-invitations.ts): invitations, their batches (one
// message/send each) and per-recipient results. Every write that belongs together is one transaction.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  MAX_TOUSER_PER_MESSAGE,
  batchesOf,
  type BatchState,
  type InvitationCounts,
  type InvitationRecipient,
  type InvitationSummary,
  type InviteCard,
  type RecipientState,
} from '../shared/invite-api.js';

const INVITATIONS = 'live_detail_invitations';
const BATCHES = 'live_detail_invitation_batches';
const RECIPIENTS = 'live_detail_invitation_recipients';

export interface InvitationRow {
  id: string;
  corp_id: string;
  livingid: string;
  sender_userid: string;
  idempotency_key: string;
  note: string;
  card: string;
  department_ids: string;
  invalid_departments: string;
  job_id: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface BatchRow {
  id: string;
  invitation_id: string;
  seq: number;
  idempotency_key: string;
  touser: string;
  toparty: string;
  state: BatchState | 'rejected';
  attempts: number;
  msgid: string | null;
  errcode: number | null;
  errmsg: string | null;
  sent_at: number | null;
  first_sent_at: number | null;
}

interface RecipientRow {
  invitation_id: string;
  corp_id: string;
  livingid: string;
  userid_key: string;
  userid: string;
  name: string;
  batch_id: string | null;
  state: RecipientState;
  errcode: number | null;
  reason: string;
  attempts: number;
  sent_at: number | null;
}

export interface NewInvitation {
  corpId: string;
  livingid: string;
  senderUserid: string;
  idempotencyKey: string;
  note: string;
  card: InviteCard;
  /** The departments picked (shown with the invitation). */
  departmentIds: number[];
  /** Departments to address by toparty (none when they were expanded into recipients). */
  toparty?: number[];
  recipients: Array<{ userid: string; name: string }>;
}

/** One batch's outcome, written with its recipients in one transaction. */
export type BatchOutcome =
  | { kind: 'sent'; msgid: string | null; invalidUsers: string[]; invalidParties: number[]; at: number }
  | { kind: 'failed' | 'rejected'; errcode: number | null; errmsg: string; reason: string; at: number }
  | { kind: 'unknown'; errmsg: string; reason: string; at: number };

export class Invitations {
  constructor(private readonly db: Knex) {}

  /**
   * Stores an invitation with its batches and recipients before anything is sent. The same sender's key
   * again answers the invitation it made (a double click, a retried call).
   */
  async create(input: NewInvitation, now: number): Promise<{ id: string; replayed: boolean }> {
    return this.db.transaction(async (trx) => {
      const existing = (await trx(INVITATIONS)
        .where({
          corp_id: input.corpId,
          sender_userid: input.senderUserid,
          idempotency_key: input.idempotencyKey,
        })
        .first('id')) as { id: string } | undefined;
      if (existing !== undefined) return { id: existing.id, replayed: true };
      const id = randomUUID();
      await trx(INVITATIONS).insert({
        id,
        corp_id: input.corpId,
        livingid: input.livingid,
        sender_userid: input.senderUserid,
        idempotency_key: input.idempotencyKey,
        note: input.note,
        card: JSON.stringify(input.card),
        department_ids: JSON.stringify(input.departmentIds),
        invalid_departments: '[]',
        job_id: null,
        created_at: now,
        finished_at: null,
      });
      // The service sends departments as their members; `toparty` stays for a caller that cannot expand
      // them (it rides with the first batch, at most 100 ids).
      const userBatches = batchesOf(input.recipients, MAX_TOUSER_PER_MESSAGE);
      if (userBatches.length === 0) userBatches.push([]);
      for (const [index, members] of userBatches.entries()) {
        const batchId = randomUUID();
        await trx(BATCHES).insert({
          id: batchId,
          invitation_id: id,
          seq: index + 1,
          idempotency_key: `${id}:${index + 1}`,
          touser: JSON.stringify(members.map((m) => m.userid)),
          toparty: JSON.stringify(index === 0 ? (input.toparty ?? []) : []),
          state: 'pending',
          attempts: 0,
        });
        // SQLite takes at most 999 bound values a statement: 11 columns × 80 rows stays below.
        for (const chunk of batchesOf(members, 80)) {
          await trx(RECIPIENTS).insert(
            chunk.map((m) => ({
              invitation_id: id,
              corp_id: input.corpId,
              livingid: input.livingid,
              userid_key: m.userid.toLowerCase(),
              userid: m.userid,
              name: m.name,
              batch_id: batchId,
              state: 'pending',
              reason: '',
              attempts: 0,
            })),
          );
        }
      }
      return { id, replayed: false };
    });
  }

  async get(corpId: string, id: string): Promise<InvitationRow | undefined> {
    return (await this.db(INVITATIONS).where({ corp_id: corpId, id }).first()) as InvitationRow | undefined;
  }

  async setJob(id: string, jobId: string | null): Promise<void> {
    await this.db(INVITATIONS).where({ id }).update({ job_id: jobId });
  }

  async batches(invitationId: string, states?: ReadonlyArray<BatchRow['state']>): Promise<BatchRow[]> {
    const query = this.db(BATCHES).where({ invitation_id: invitationId }).orderBy('seq');
    if (states !== undefined) void query.whereIn('state', states);
    return (await query) as BatchRow[];
  }

  /**
   * A batch left "sending" (the app stopped while its message was on the way) may have been delivered:
   * it becomes "unknown", never "pending", so nothing sends it again without the duplicate check.
   */
  async markInterrupted(invitationId: string, reason: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const stuck = (await trx(BATCHES)
        .where({ invitation_id: invitationId, state: 'sending' })
        .select('id')) as Array<{ id: string }>;
      if (stuck.length === 0) return;
      const ids = stuck.map((b) => b.id);
      await trx(BATCHES).whereIn('id', ids).update({ state: 'unknown', errmsg: reason });
      await trx(RECIPIENTS).whereIn('batch_id', ids).update({ state: 'unknown', reason, errcode: null });
    });
  }

  /** Claims a pending batch for sending (persisted before the request leaves): false if not pending. */
  async claim(batch: BatchRow, now: number): Promise<boolean> {
    const updated = await this.db(BATCHES)
      .where({ id: batch.id, state: 'pending' })
      .update({
        state: 'sending',
        attempts: batch.attempts + 1,
        sent_at: now,
        first_sent_at: batch.first_sent_at ?? now,
      });
    return updated === 1;
  }

  /** The batch's result and its recipients' answers, in one transaction. */
  async settle(batch: BatchRow, outcome: BatchOutcome): Promise<void> {
    await this.db.transaction(async (trx) => {
      const recipients = trx(RECIPIENTS).where({ batch_id: batch.id });
      if (outcome.kind === 'sent') {
        await trx(BATCHES).where({ id: batch.id }).update({
          state: 'sent',
          msgid: outcome.msgid,
          errcode: 0,
          errmsg: null,
        });
        await recipients.clone().increment('attempts', 1);
        await recipients.clone().update({ state: 'sent', errcode: 0, reason: '', sent_at: outcome.at });
        const invalid = outcome.invalidUsers.map((u) => u.toLowerCase());
        for (const chunk of batchesOf(invalid, 500)) {
          await trx(RECIPIENTS).where({ batch_id: batch.id }).whereIn('userid_key', chunk).update({
            state: 'invalid',
            reason: '企业微信退回（invaliduser）：不在应用可见范围内、已离职或 userid 不存在',
            sent_at: null,
          });
        }
        if (outcome.invalidParties.length > 0) {
          const invitation = (await trx(INVITATIONS)
            .where({ id: batch.invitation_id })
            .first('invalid_departments')) as { invalid_departments: string };
          const known = JSON.parse(invitation.invalid_departments) as number[];
          await trx(INVITATIONS)
            .where({ id: batch.invitation_id })
            .update({
              invalid_departments: JSON.stringify([...new Set([...known, ...outcome.invalidParties])]),
            });
        }
        return;
      }
      await trx(BATCHES)
        .where({ id: batch.id })
        .update({
          state: outcome.kind,
          errcode: outcome.kind === 'unknown' ? null : outcome.errcode,
          errmsg: outcome.errmsg,
        });
      await recipients.clone().increment('attempts', 1);
      await recipients.clone().update({
        state: outcome.kind === 'rejected' ? 'invalid' : outcome.kind,
        errcode: outcome.kind === 'unknown' ? null : outcome.errcode,
        reason: outcome.reason,
        sent_at: null,
      });
    });
  }

  /**
   * Puts the batches that failed (and, within WeCom's duplicate-check window, those whose answer was
   * lost) back to pending, unchanged: a resend is the same card to the same touser, so WeCom's duplicate
   * check drops it for whoever already has it. Answers how many batches and recipients go again, and
   * the unknown batches left alone because the window has passed.
   */
  async rearmFailed(
    invitationId: string,
    now: number,
    windowMs: number,
  ): Promise<{ batches: number; recipients: number; unknownTooOld: number }> {
    return this.db.transaction(async (trx) => {
      const rows = (await trx(BATCHES)
        .where({ invitation_id: invitationId })
        .whereIn('state', ['failed', 'unknown', 'pending', 'sending'])) as BatchRow[];
      // `sending` here is a send the app was stopped in (no job runs: the caller checked): as unknown.
      const again = rows.filter(
        (b) =>
          b.state === 'failed' ||
          b.state === 'pending' ||
          (b.first_sent_at !== null && now - b.first_sent_at < windowMs),
      );
      const ids = again.map((b) => b.id);
      if (ids.length > 0) {
        await trx(BATCHES).whereIn('id', ids).update({ state: 'pending' });
        await trx(RECIPIENTS)
          .whereIn('batch_id', ids)
          .whereIn('state', ['failed', 'unknown', 'pending'])
          .update({ state: 'pending', reason: '' });
        await trx(INVITATIONS).where({ id: invitationId }).update({ finished_at: null });
      }
      const recipients = again.reduce((sum, b) => sum + (JSON.parse(b.touser) as string[]).length, 0);
      return { batches: ids.length, recipients, unknownTooOld: rows.length - again.length };
    });
  }

  async finish(invitationId: string, now: number): Promise<void> {
    await this.db(INVITATIONS).where({ id: invitationId }).update({ finished_at: now, job_id: null });
  }

  async counts(invitationId: string): Promise<InvitationCounts> {
    const rows = (await this.db(RECIPIENTS)
      .where({ invitation_id: invitationId })
      .groupBy('state')
      .select('state')
      .count({ n: '*' })) as Array<{ state: RecipientState; n: number | string }>;
    const counts: InvitationCounts = { total: 0, sent: 0, invalid: 0, failed: 0, unknown: 0, pending: 0 };
    for (const row of rows) {
      counts[row.state] = Number(row.n);
      counts.total += Number(row.n);
    }
    return counts;
  }

  /** A live's invitations, newest first. */
  async list(corpId: string, livingid: string): Promise<InvitationSummary[]> {
    const rows = (await this.db(INVITATIONS)
      .where({ corp_id: corpId, livingid })
      .orderBy('created_at', 'desc')
      .limit(100)) as InvitationRow[];
    const summaries: InvitationSummary[] = [];
    for (const row of rows) summaries.push(await this.summary(row));
    return summaries;
  }

  async summary(row: InvitationRow): Promise<InvitationSummary> {
    const batches = (await this.db(BATCHES).where({ invitation_id: row.id }).count({ n: '*' }).first()) as {
      n: number | string;
    };
    return {
      id: row.id,
      livingid: row.livingid,
      senderUserid: row.sender_userid,
      createdAt: Number(row.created_at),
      finishedAt: row.finished_at === null ? null : Number(row.finished_at),
      note: row.note,
      card: JSON.parse(row.card) as InviteCard,
      departmentIds: JSON.parse(row.department_ids) as number[],
      invalidDepartments: JSON.parse(row.invalid_departments) as number[],
      batches: Number(batches.n),
      counts: await this.counts(row.id),
      jobId: row.job_id,
    };
  }

  async recipients(
    invitationId: string,
    query: { states?: RecipientState[]; page: number; pageSize: number },
  ): Promise<{ rows: InvitationRecipient[]; total: number }> {
    const base = this.db(RECIPIENTS).where({ invitation_id: invitationId });
    if (query.states !== undefined && query.states.length > 0) void base.whereIn('state', query.states);
    const total = (await base.clone().count({ n: '*' }).first()) as { n: number | string };
    const rows = (await base
      .clone()
      .orderBy('userid_key')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)) as RecipientRow[];
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        userid: r.userid,
        name: r.name,
        state: r.state,
        errcode: r.errcode,
        reason: r.reason,
        sentAt: r.sent_at === null ? null : Number(r.sent_at),
        attempts: r.attempts,
      })),
    };
  }

  /**
   * Per member of a live's audience: when an invitation message first reached them (lower-case userid →
   * ms), counting only messages WeCom took at or before `until` (the live's end, when known).
   */
  async firstInvites(corpId: string, livingid: string, until: number | null): Promise<Map<string, number>> {
    const query = this.db(RECIPIENTS)
      .where({ corp_id: corpId, livingid, state: 'sent' })
      .groupBy('userid_key')
      .select('userid_key')
      .min({ at: 'sent_at' });
    if (until !== null) void query.where('sent_at', '<=', until);
    const rows = (await query) as Array<{ userid_key: string; at: number | string }>;
    return new Map(rows.map((r) => [r.userid_key, Number(r.at)]));
  }
}

import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import type { SessionUser } from '../../../sdk/contracts/host-status.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, KNEX } from '../core/tokens.js';

export interface AuditEntry {
  actor: Pick<SessionUser, 'userid' | 'tier'> | null;
  action: string;
  target?: string;
  ok: boolean;
  detail?: Record<string, unknown>;
}

/** Logins, failures and admin actions, kept in the database for root-admin to review. */
@injectable()
export class AuditLog {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry, trx?: Knex.Transaction): Promise<void> {
    await (trx ?? this.db)('audit_log').insert({
      at: this.clock.now(),
      actor_userid: entry.actor?.userid ?? null,
      actor_tier: entry.actor?.tier ?? null,
      action: entry.action,
      target: entry.target ?? null,
      ok: entry.ok,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }
}

import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

export interface CreateRequestRow {
  corp_id: string;
  userid: string;
  idempotency_key: string;
  request_hash: string;
  livingid: string | null;
  created_at: number;
}

export interface RequestKey {
  corpId: string;
  userid: string;
  key: string;
}

/** The plugin's idempotency-key table (migrations/001-create-requests.ts). */
export class CreateRequests {
  constructor(private readonly db: Knex) {}

  async find(key: RequestKey): Promise<CreateRequestRow | undefined> {
    return (await this.db('live_create_requests').where(this.where(key)).first()) as
      CreateRequestRow | undefined;
  }

  /** Claims the key for a create about to be sent; false when another call holds it already. */
  async claim(key: RequestKey, requestHash: string, now: number): Promise<boolean> {
    const inserted = (await this.db('live_create_requests')
      .insert({ ...this.where(key), request_hash: requestHash, livingid: null, created_at: now })
      .onConflict(['corp_id', 'userid', 'idempotency_key'])
      .ignore()
      .returning('idempotency_key')) as unknown[];
    return inserted.length > 0;
  }

  async complete(key: RequestKey, livingid: string): Promise<void> {
    await this.db('live_create_requests').where(this.where(key)).update({ livingid });
  }

  /** WeCom refused the create for certain: the key may be used again for a corrected request. */
  async release(key: RequestKey): Promise<void> {
    await this.db('live_create_requests').where(this.where(key)).whereNull('livingid').delete();
  }

  private where(key: RequestKey): Record<string, string> {
    return { corp_id: key.corpId, userid: key.userid, idempotency_key: key.key };
  }
}

/** A stable digest of what a create sends, so a key reused for a different live is recognised. */
export function requestHash(request: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(request)
      .sort()
      .map((key) => [key, request[key] ?? null]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import { CorpFieldsSchema, type CorpFields, type CorpView } from '../../../sdk/contracts/corps-channels.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { Clock } from '../core/runtime-options.js';
import { KeyProtectionUnavailableError, type SecretVault } from './secret-vault.js';
import { CLOCK, KNEX, SECRET_VAULT } from '../core/tokens.js';

// The fields' schema and the answer's shape are the `corps.*` channels' (sdk/contracts/corps-channels.ts).
export { CorpFieldsSchema, type CorpFields, type CorpView };

interface CorpRow {
  corp_id: string;
  corpname: string;
  corpid: string;
  agentid: number;
  secret_cipher: string;
  app_name: string;
}

/** Shows that a secret is saved without revealing it (its last 3 characters help tell two apart). */
export function maskSecret(secret: string): string {
  return `${'•'.repeat(8)}${secret.slice(-3)}`;
}

/** Corp apps, keyed internally by corpId; secrets go through the vault and never leave in clear. */
@injectable()
export class CorpStore {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(SECRET_VAULT) private readonly vault: SecretVault,
  ) {}

  async list(): Promise<CorpView[]> {
    const rows = (await this.db('corps').orderBy('corpname')) as CorpRow[];
    return rows.map((row) => this.view(row));
  }

  async get(corpId: string): Promise<CorpView> {
    return this.view(await this.row(corpId));
  }

  /** The app's secret in clear, for the gateway only (SecretUnavailableError when undecryptable). */
  async secretOf(corpId: string): Promise<string> {
    return this.vault.decrypt((await this.row(corpId)).secret_cipher);
  }

  async findByApp(corpid: string, agentid: number): Promise<CorpView | undefined> {
    const row = (await this.db('corps').where({ corpid, agentid }).first()) as CorpRow | undefined;
    return row === undefined ? undefined : this.view(row);
  }

  /** Adds a corp app, or updates the one with the same (corpid, agentid); one transaction. */
  async save(fields: CorpFields, appName: string): Promise<CorpView> {
    const now = this.clock.now();
    const cipher = this.vault.encrypt(fields.corpsecret);
    return this.db.transaction(async (trx) => {
      const same = (await trx('corps').where({ corpid: fields.corpid, agentid: fields.agentid }).first()) as
        CorpRow | undefined;
      const sameName = (await trx('corps').where({ corpname: fields.corpname }).first()) as
        CorpRow | undefined;
      if (sameName !== undefined && sameName.corp_id !== same?.corp_id) {
        throw new AppError('CONFLICT', `企业名称「${fields.corpname}」已被其他企业使用，请换一个名称。`, {
          field: 'corpname',
        });
      }
      const corpId = same?.corp_id ?? randomUUID();
      const row = {
        corpname: fields.corpname,
        corpid: fields.corpid,
        agentid: fields.agentid,
        secret_cipher: cipher,
        app_name: appName,
        updated_at: now,
      };
      if (same === undefined) await trx('corps').insert({ corp_id: corpId, created_at: now, ...row });
      else await trx('corps').where({ corp_id: corpId }).update(row);
      return this.view({ corp_id: corpId, ...row });
    });
  }

  async setAppName(corpId: string, appName: string): Promise<void> {
    await this.db('corps')
      .where({ corp_id: corpId })
      .update({ app_name: appName, updated_at: this.clock.now() });
  }

  async remove(corpId: string): Promise<void> {
    await this.row(corpId);
    await this.db.transaction(async (trx) => {
      await trx('sessions').where({ corp_id: corpId }).delete();
      // Work queued for the corp (scheduled pulls) would only fail later without it: end it now.
      await trx('jobs')
        .where({ corp_id: corpId, state: 'queued' })
        .update({ state: 'cancelled', message: '企业已删除', updated_at: this.clock.now() });
      await trx('users').where({ corp_id: corpId }).delete();
      await trx('corps').where({ corp_id: corpId }).delete();
    });
  }

  private async row(corpId: string): Promise<CorpRow> {
    const row = (await this.db('corps').where({ corp_id: corpId }).first()) as CorpRow | undefined;
    if (row === undefined) throw new AppError('NOT_FOUND', '企业不存在或已被删除。', { corpId });
    return row;
  }

  private view(
    row: Pick<CorpRow, 'corp_id' | 'corpname' | 'corpid' | 'agentid' | 'app_name' | 'secret_cipher'>,
  ): CorpView {
    let secretMasked: string;
    try {
      secretMasked = maskSecret(this.vault.decrypt(row.secret_cipher));
    } catch (error) {
      secretMasked =
        error instanceof KeyProtectionUnavailableError
          ? '（系统密钥保管不可用，暂无法读取）'
          : '（无法解密，请重新输入）';
    }
    return {
      corpId: row.corp_id,
      corpname: row.corpname,
      corpid: row.corpid,
      agentid: row.agentid,
      appName: row.app_name,
      secretMasked,
    };
  }
}

import { isIP } from 'node:net';
import type { Knex } from 'knex';
import { inject, injectable } from 'tsyringe';
import type {
  TrustedIp,
  TrustedIpAdded,
  TrustedIpSource,
} from '../../../sdk/contracts/trusted-ips-channels.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, KNEX } from '../core/tokens.js';

/** WeCom's console accepts at most 120 trusted IPs per app (R2.6). */
export const TRUSTED_IP_LIMIT = 120;

export type { TrustedIp, TrustedIpSource };
/** What recording an IP answers (`trustedIps.add`). */
export type RecordResult = TrustedIpAdded;

interface Row {
  ip: string;
  source: TrustedIpSource;
  first_seen_at: number;
  last_seen_at: number;
}

/** Normalises an IPv4/IPv6 address, or throws INVALID_INPUT naming it. */
export function normaliseIp(raw: string): string {
  const ip = raw
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (isIP(ip) === 0) throw new AppError('INVALID_INPUT', `不是有效的 IP 地址：${raw}`, { field: 'ip' });
  return ip;
}

/** The incremental, de-duplicated list of IPs to paste into WeCom's trusted-IP field. */
@injectable()
export class TrustedIpStore {
  constructor(
    @inject(KNEX) private readonly db: Knex,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(): Promise<TrustedIp[]> {
    const rows = (await this.db('trusted_ips').orderBy('first_seen_at').orderBy('ip')) as Row[];
    return rows.map((row) => ({
      ip: row.ip,
      source: row.source,
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
    }));
  }

  /** The list as WeCom's field takes it: `a;b;c`. */
  async copyText(): Promise<string> {
    return (await this.list()).map((entry) => entry.ip).join(';');
  }

  /** Adds an IP (or refreshes it) in one transaction, dropping the least recently seen beyond the limit. */
  async record(rawIp: string, source: TrustedIpSource): Promise<RecordResult> {
    const ip = normaliseIp(rawIp);
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (trx) => {
      const existing = (await trx('trusted_ips').where({ ip }).first('ip')) as { ip: string } | undefined;
      if (existing === undefined) {
        await trx('trusted_ips').insert({ ip, source, first_seen_at: now, last_seen_at: now });
      } else {
        await trx('trusted_ips').where({ ip }).update({ last_seen_at: now });
      }
      const overflow = (await trx('trusted_ips')
        .whereNot({ ip })
        .orderBy('last_seen_at')
        .orderBy('first_seen_at')
        .select('ip')) as Array<{ ip: string }>;
      const excess = overflow.length + 1 - TRUSTED_IP_LIMIT;
      const dropped = excess > 0 ? overflow.slice(0, excess).map((row) => row.ip) : [];
      if (dropped.length > 0) await trx('trusted_ips').whereIn('ip', dropped).delete();
      return { added: existing === undefined, dropped };
    });
    return { ...outcome, ips: (await this.list()).map((entry) => entry.ip) };
  }

  /** Admin edit: replaces the whole list (validated, de-duplicated, at most the limit). */
  async replace(rawIps: string[]): Promise<string[]> {
    const ips = [...new Set(rawIps.map(normaliseIp))];
    if (ips.length > TRUSTED_IP_LIMIT) {
      throw new AppError('INVALID_INPUT', `可信 IP 最多 ${TRUSTED_IP_LIMIT} 个，当前 ${ips.length} 个。`, {
        field: 'ips',
      });
    }
    const now = this.clock.now();
    await this.db.transaction(async (trx) => {
      const kept = new Map(
        ((await trx('trusted_ips').select()) as Row[]).map((row) => [row.ip, row] as const),
      );
      await trx('trusted_ips').delete();
      if (ips.length > 0) {
        await trx('trusted_ips').insert(
          ips.map((ip, index) => ({
            ip,
            source: kept.get(ip)?.source ?? 'manual',
            first_seen_at: kept.get(ip)?.first_seen_at ?? now + index,
            last_seen_at: kept.get(ip)?.last_seen_at ?? now + index,
          })),
        );
      }
    });
    return ips;
  }
}

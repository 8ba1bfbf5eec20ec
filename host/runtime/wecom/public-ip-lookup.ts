import { isIP } from 'node:net';
import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import type { BootstrapConfig } from '../config/bootstrap-config.js';
import { BOOTSTRAP_CONFIG, LOGGER } from '../core/tokens.js';

const TIMEOUT_MS = 3000;

export interface PublicIpAnswer {
  /** Null when no service answered: the UI says 无法检测 and offers manual entry. */
  ip: string | null;
  /** The service that answered (shown in the privacy notice), or null. */
  source: string | null;
}

/**
 * This machine's public IP, asked of third-party services only on demand (R2.6; docs/architecture.md "Security"). The services are
 * configurable (config.json `publicIpServices`); the first plain-text answer that is an IP wins. The IP
 * in a 60020's `from ip:` stays the authoritative one.
 */
@injectable()
export class PublicIpLookup {
  constructor(
    @inject(BOOTSTRAP_CONFIG) private readonly config: BootstrapConfig,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  async lookup(): Promise<PublicIpAnswer> {
    for (const service of this.config.publicIpServices) {
      try {
        const response = await fetch(service, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const text = (await response.text()).trim();
        // Some services answer "当前 IP：1.2.3.4 来自于：…": take the first address in the text.
        const candidate = text.match(/[0-9a-fA-F:.]{7,45}/g)?.find((part) => isIP(part) !== 0) ?? null;
        if (response.ok && candidate !== null) return { ip: candidate, source: new URL(service).host };
      } catch (error) {
        this.log.info(
          { service, reason: error instanceof Error ? error.name : 'unknown' },
          'public IP service failed',
        );
      }
    }
    return { ip: null, source: null };
  }
}

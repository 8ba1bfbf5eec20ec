import { injectable } from 'tsyringe';
import {
  TRUSTED_IPS_ADD,
  TRUSTED_IPS_DETECT_PUBLIC_IP,
  TRUSTED_IPS_LIST,
  TRUSTED_IPS_REPLACE,
  type TrustedIpsView,
} from '../../../sdk/contracts/trusted-ips-channels.js';
import { TRUSTED_IP_CONSOLE_URL } from '../../../sdk/wecom/index.js';
import { AuditLog } from '../audit/audit-log.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { IpNotAllowedNotifier } from './ip-not-allowed.js';
import { PublicIpLookup } from './public-ip-lookup.js';
import { TRUSTED_IP_LIMIT, TrustedIpStore } from './trusted-ip-store.js';

/**
 * The `trustedIps.*` channels (declared in sdk/contracts/trusted-ips-channels.ts), and the completion of
 * every WECOM_IP_NOT_ALLOWED answer with the list (R2.6, R2.7).
 */
@injectable()
export class TrustedIpChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly trustedIps: TrustedIpStore,
    private readonly ipNotAllowed: IpNotAllowedNotifier,
    private readonly publicIp: PublicIpLookup,
    private readonly audit: AuditLog,
  ) {}

  register(): void {
    this.router.completeErrors('WECOM_IP_NOT_ALLOWED', (body) => this.ipNotAllowed.complete(body));
    this.router.handle(TRUSTED_IPS_LIST, () => this.view());
    this.router.handle(TRUSTED_IPS_DETECT_PUBLIC_IP, async () => {
      const answer = await this.publicIp.lookup();
      if (answer.ip !== null) await this.trustedIps.record(answer.ip, 'detected');
      return {
        ...answer,
        message: answer.ip === null ? '无法检测本机公网 IP，请手动填写。' : `本机公网 IP：${answer.ip}`,
      };
    });
    this.router.handle(TRUSTED_IPS_ADD, async ({ ip }, call) => {
      const result = await this.trustedIps.record(ip, 'manual');
      await this.audit.record({ actor: call.user, action: 'trustedIps.add', target: ip, ok: true });
      return result;
    });
    this.router.handle(TRUSTED_IPS_REPLACE, async ({ ips }, call) => {
      await this.trustedIps.replace(ips);
      await this.audit.record({
        actor: call.user,
        action: 'trustedIps.replace',
        ok: true,
        detail: { count: ips.length },
      });
      return this.view();
    });
  }

  private async view(): Promise<TrustedIpsView> {
    const ips = await this.trustedIps.list();
    return {
      ips,
      copyText: ips.map((entry) => entry.ip).join(';'),
      limit: TRUSTED_IP_LIMIT,
      consoleUrl: TRUSTED_IP_CONSOLE_URL,
    };
  }
}

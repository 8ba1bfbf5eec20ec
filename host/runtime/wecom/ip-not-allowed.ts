import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import type { RpcErrorBody } from '../../../sdk/contracts/errors.js';
import type { IpNotAllowedInfo } from '../../../sdk/wecom/index.js';
import { TRUSTED_IP_CONSOLE_URL } from '../../../sdk/wecom/index.js';
import { EventBus } from '../core/event-bus.js';
import type { Clock } from '../core/runtime-options.js';
import { CLOCK, LOGGER } from '../core/tokens.js';
import { TrustedIpStore } from './trusted-ip-store.js';

/** WeCom applies a new trusted-IP list after a few minutes; the dialog counts down this long. */
export const TRUSTED_IP_RETRY_MS = 5 * 60_000;

/**
 * errcode 60020 (R2.7): records the `from ip:` address in the trusted-IP list, tells every client
 * (`wecom.ipNotAllowed`, for background work) and completes the caller's error with the whole list.
 */
@injectable()
export class IpNotAllowedNotifier {
  // The gateway's hook is synchronous; the error it precedes waits for the recording through `complete`.
  private pending: Promise<unknown> = Promise.resolve();
  private readonly appNames = new Map<string, string>();

  constructor(
    private readonly store: TrustedIpStore,
    private readonly bus: EventBus,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  /** The hook a gateway of this app gets. */
  hookFor(appName: string): (info: IpNotAllowedInfo) => void {
    return (info) => {
      this.appNames.set(info.ip, appName);
      this.pending = this.pending
        .then(() => this.record(info.ip, appName))
        .catch((error: unknown) => this.log.error({ err: error }, 'recording a 60020 IP failed'));
    };
  }

  /** Fills a WECOM_IP_NOT_ALLOWED answer with the full `;` list, the app name and the retry time. */
  async complete(body: RpcErrorBody): Promise<RpcErrorBody> {
    await this.pending;
    const ip = typeof body.details?.['ip'] === 'string' ? body.details['ip'] : null;
    const ips = (await this.store.list()).map((entry) => entry.ip);
    const appName = ip === null ? undefined : this.appNames.get(ip);
    return {
      ...body,
      message: this.message(ip, appName),
      details: {
        ...body.details,
        ips,
        copyText: ips.join(';'),
        consoleUrl: TRUSTED_IP_CONSOLE_URL,
        appName: appName ?? null,
        retryAfter: new Date(this.clock.now() + TRUSTED_IP_RETRY_MS).toISOString(),
      },
    };
  }

  private async record(ip: string, appName: string): Promise<void> {
    const result = await this.store.record(ip, 'wecom-60020');
    this.bus.publish(
      'wecom.ipNotAllowed',
      {
        ip,
        ips: result.ips,
        dropped: result.dropped,
        consoleUrl: TRUSTED_IP_CONSOLE_URL,
        appName,
        retryAfter: new Date(this.clock.now() + TRUSTED_IP_RETRY_MS).toISOString(),
      },
      { kind: 'all' },
    );
  }

  private message(ip: string | null, appName: string | undefined): string {
    const app = appName === undefined || appName === '' ? '本应用' : `应用「${appName}」`;
    return (
      `企业微信拒绝了来自 ${ip ?? '本机'} 的请求：该 IP 不在${app}的可信 IP 列表中。` +
      `请在企业微信管理后台（应用管理 → ${app} → 企业可信 IP）粘贴完整的 IP 列表并保存，5 分钟后再试。` +
      '注意：应用需先配置「可信域名」或「接收消息服务器 URL」，后台才允许设置可信 IP。'
    );
  }
}

import type { Logger } from 'pino';
import { inject, injectable } from 'tsyringe';
import { WeComGateway } from '../../../sdk/wecom/index.js';
import { CorpStore } from '../accounts/corp-store.js';
import { IpNotAllowedNotifier } from './ip-not-allowed.js';
import { WeComConnection } from './wecom-connection.js';
import type { RuntimeOptions } from '../core/runtime-options.js';
import { LOGGER, RUNTIME_OPTIONS } from '../core/tokens.js';

export interface CorpApp {
  corpid: string;
  corpsecret: string;
  agentid: number;
}

/**
 * One WeComGateway per saved corp app (its token cache and limiters live as long as the runtime), plus
 * short-lived ones for checking an app's configuration before it is saved. Every WeCom call of the host
 * and its plugins comes from here, pointed at `--wecom-base-url` / WECOM_API_BASE when set.
 */
@injectable()
export class WeComGateways {
  private readonly byCorp = new Map<string, Promise<WeComGateway>>();

  constructor(
    private readonly corps: CorpStore,
    private readonly ipNotAllowed: IpNotAllowedNotifier,
    private readonly connection: WeComConnection,
    @inject(RUNTIME_OPTIONS) private readonly options: RuntimeOptions,
    @inject(LOGGER) private readonly log: Logger,
  ) {}

  /** The gateway of a saved corp app (the secret comes from the vault). */
  forCorp(corpId: string): Promise<WeComGateway> {
    let gateway = this.byCorp.get(corpId);
    if (gateway === undefined) {
      gateway = (async () => {
        const corp = await this.corps.get(corpId);
        const corpsecret = await this.corps.secretOf(corpId);
        return this.create({ corpid: corp.corpid, corpsecret, agentid: corp.agentid }, corp.appName, corpId);
      })();
      // A failure (undecryptable secret) must not stay cached.
      gateway.catch(() => this.byCorp.delete(corpId));
      this.byCorp.set(corpId, gateway);
    }
    return gateway;
  }

  /**
   * The configuration check (R2.8) of an app not saved yet, on a short-lived gateway: see `verify`.
   */
  async checkApp(app: CorpApp): Promise<{ appName: string }> {
    const gateway = this.create(app, '');
    try {
      return await this.verify(gateway);
    } finally {
      gateway.close();
    }
  }

  /**
   * gettoken, then agent/get, which also reveals a missing trusted IP. Answers the app's name; throws
   * WECOM_CONFIG_INVALID naming the field, WECOM_IP_NOT_ALLOWED or WECOM_UNREACHABLE.
   */
  async verify(gateway: WeComGateway): Promise<{ appName: string }> {
    await gateway.getToken();
    const agent = await gateway.getAgent();
    return { appName: agent.name ?? '' };
  }

  /**
   * gettoken + agent/get on the corp's own gateway, so that its connection state (shell indicator) is
   * measured now; throws as `verify` does.
   */
  async check(corpId: string): Promise<{ appName: string }> {
    return this.verify(await this.forCorp(corpId));
  }

  /** Drops the cached gateway after the corp changed (new secret) or was deleted. */
  invalidate(corpId: string): void {
    this.connection.forget(corpId);
    const gateway = this.byCorp.get(corpId);
    this.byCorp.delete(corpId);
    void gateway?.then((g) => g.close()).catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    const all = [...this.byCorp.values()];
    this.byCorp.clear();
    await Promise.all(all.map((gateway) => gateway.then((g) => g.close()).catch(() => undefined)));
  }

  /** `corpId` (a saved corp) also feeds that corp's connection state. */
  private create(app: CorpApp, appName: string, corpId?: string): WeComGateway {
    const baseUrl = this.options.wecomBaseUrl ?? process.env['WECOM_API_BASE'];
    return new WeComGateway({
      ...this.options.wecomGateway,
      ...app,
      ...(baseUrl === undefined || baseUrl === '' ? {} : { baseUrl }),
      logger: this.log.child({ component: 'wecom', corpid: app.corpid, agentid: app.agentid }),
      onIpNotAllowed: this.ipNotAllowed.hookFor(appName),
      ...(corpId === undefined ? {} : { onCallOutcome: this.connection.hookFor(corpId) }),
    });
  }
}

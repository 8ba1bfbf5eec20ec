import { injectable } from 'tsyringe';
import { CORPS_CHECK, CORPS_DELETE, CORPS_LIST, CORPS_SAVE } from '../../../sdk/contracts/corps-channels.js';
import type { SignedInCall } from '../../../sdk/contracts/channel.js';
import { AppError } from '../../../sdk/contracts/errors.js';
import { AuditLog } from '../audit/audit-log.js';
import { IpcRouter } from '../rpc/ipc-router.js';
import { WeComGateways } from '../wecom/wecom-gateways.js';
import { CorpStore } from './corp-store.js';

/** The `corps.*` channels (declared in sdk/contracts/corps-channels.ts): the saved corp apps (R2.2, R2.3). */
@injectable()
export class CorpChannels {
  constructor(
    private readonly router: IpcRouter,
    private readonly corps: CorpStore,
    private readonly gateways: WeComGateways,
    private readonly audit: AuditLog,
  ) {}

  register(): void {
    this.router.handle(CORPS_LIST, () => this.corps.list());
    this.router.handle(CORPS_SAVE, async ({ corpId, corpsecret, ...fields }, call) => {
      this.ownCorpOnly(corpId, call);
      const secret = corpsecret ?? (corpId === undefined ? undefined : await this.corps.secretOf(corpId));
      if (secret === undefined)
        throw new AppError('INVALID_INPUT', '请填写应用Secret', { field: 'corpsecret' });
      const complete = { ...fields, corpsecret: secret };
      // The one WeCom call root-admin makes: the configuration check before saving.
      const { appName } = await this.gateways.checkApp(complete);
      const saved = await this.corps.save(complete, appName);
      this.gateways.invalidate(saved.corpId);
      await this.audit.record({ actor: call.user, action: 'corps.save', target: saved.corpname, ok: true });
      return saved;
    });
    this.router.handle(CORPS_CHECK, async ({ corpId }, call) => {
      this.ownCorpOnly(corpId, call);
      const { appName } = await this.gateways.verify(await this.gateways.forCorp(corpId));
      await this.corps.setAppName(corpId, appName);
      return { ok: true, appName };
    });
    this.router.handle(CORPS_DELETE, async ({ corpId }, call) => {
      const corp = await this.corps.get(corpId);
      await this.corps.remove(corpId);
      this.gateways.invalidate(corpId);
      await this.audit.record({ actor: call.user, action: 'corps.delete', target: corp.corpname, ok: true });
      return {};
    });
  }

  /** root-admin manages every corp; a WeCom admin only the corp of their own login. */
  private ownCorpOnly(corpId: string | undefined, call: SignedInCall): void {
    if (call.user.tier !== 'root-admin' && (corpId === undefined || call.corp?.corpId !== corpId)) {
      throw new AppError('FORBIDDEN', '企微管理员只能管理自己所在企业的配置。');
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  WECOM_CONNECTION_LABELS,
  type WeComConnectionKind,
} from '../../../../sdk/contracts/wecom-connection.js';
import { ICON_BUTTON_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { formatDateTime } from '../../../../sdk/ui/date-time-text.js';
import { IpNotAllowedWatcher } from '../../../../sdk/ui/ip-not-allowed-watcher.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { trustedIpInfoFromError } from '../../../../sdk/ui/trusted-ip-info.js';
import { WeComConnectionHelp } from './wecom-connection-help.js';
import { WeComConnectionStore } from './wecom-connection-state.js';
import { TRUSTED_IPS_LIST } from '../../../../sdk/contracts/trusted-ips-channels.js';

const ICONS: Record<WeComConnectionKind, string> = {
  unknown: 'schedule',
  ok: 'check_circle',
  ipNotAllowed: 'shield',
  tokenRefused: 'lock',
  unreachable: 'error',
};

/**
 * The shell's WeCom connection indicator of the current corp: ok, trusted IP missing (60020), token
 * refused, unreachable, with the last successful call in its tooltip. A click opens the matching help:
 * the trusted-IP dialog (R2.7) for 60020, otherwise what to check and a re-check button.
 */
@Component({
  selector: 'wl-wecom-connection-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ICON_BUTTON_IMPORTS],
  templateUrl: './wecom-connection-chip.html',
  styleUrl: './wecom-connection-chip.scss',
})
export class WeComConnectionChip {
  protected readonly store = inject(WeComConnectionStore);
  private readonly session = inject(AppSession);
  private readonly dialog = inject(MatDialog);
  private readonly watcher = inject(IpNotAllowedWatcher);
  private readonly rpc = inject(RpcClient);
  protected readonly icons = ICONS;
  /** Icon only (phones). */
  readonly compact = input(false);

  protected readonly label = computed(() => {
    const state = this.store.state();
    return state === null ? '' : WECOM_CONNECTION_LABELS[state.kind];
  });
  protected readonly shortLabel = computed(() => this.label().replace('企业微信：', '企业微信 '));
  protected readonly lastOk = computed(() => {
    const at = this.store.state()?.lastOkAt ?? null;
    return at === null
      ? '本次启动后尚无成功的企业微信调用'
      : `最近一次成功调用：${formatDateTime(Date.parse(at), this.session.timeZone())}`;
  });

  protected async open(): Promise<void> {
    const state = this.store.state();
    if (state === null) return;
    if (state.kind === 'ipNotAllowed') {
      // The R2.7 dialog with the whole list, as a 60020 answer would open it.
      const list = await this.rpc.call(TRUSTED_IPS_LIST).catch(() => null);
      const ips = list?.ips.map((entry) => entry.ip) ?? [];
      this.watcher.show(
        trustedIpInfoFromError({
          code: 'WECOM_IP_NOT_ALLOWED',
          message: '',
          details: {
            ip: state.ip,
            ips,
            copyText: list?.copyText ?? ips.join(';'),
            appName: this.session.corp()?.appName ?? '',
            ...(list === null ? {} : { consoleUrl: list.consoleUrl }),
          },
        }),
        false,
      );
      return;
    }
    this.dialog.open(WeComConnectionHelp, {
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      restoreFocus: true,
    });
  }
}

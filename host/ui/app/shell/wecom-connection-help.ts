import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { WECOM_CONNECTION_LABELS } from '../../../../sdk/contracts/wecom-connection.js';
import { formatDateTime } from '../../../../sdk/ui/date-time-text.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { WeComConnectionStore } from './wecom-connection-state.js';

/** errcodes of gettoken and what they mean for the admin (the corp configuration's fields). */
const TOKEN_ERRCODES: Record<number, string> = {
  40001: '应用 Secret 不正确（可能已在企业微信后台重置）',
  40013: '企业 ID（corpid）不正确',
  40091: '应用 Secret 格式不正确',
  41002: '缺少企业 ID（corpid）',
  41004: '缺少应用 Secret',
  42001: 'access_token 已过期且无法重新获取',
};

/**
 * What the shell's connection indicator means and what to do (all states but 60020, which has the
 * trusted-IP dialog): the fields to check in 系统设置 → 企业配置 for a refused token, the network for an
 * unreachable WeCom; a re-check button asks WeCom again.
 */
@Component({
  selector: 'wl-wecom-connection-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatIconModule, RouterLink],
  templateUrl: './wecom-connection-help.html',
  styleUrl: './wecom-connection-help.scss',
})
export class WeComConnectionHelp {
  protected readonly store = inject(WeComConnectionStore);
  private readonly session = inject(AppSession);
  protected readonly state = this.store.state;
  protected readonly title = computed(() => {
    const state = this.state();
    return state === null ? '企业微信连接' : WECOM_CONNECTION_LABELS[state.kind];
  });
  protected readonly isAdmin = computed(() => {
    const tier = this.session.tier();
    return tier === 'wecom-admin' || tier === 'root-admin';
  });
  protected readonly tokenReason = computed(
    () => TOKEN_ERRCODES[this.state()?.errcode ?? 0] ?? '应用凭证无效，请核对企业配置',
  );
  protected readonly failureText = computed(() => {
    const failure = this.state()?.failure ?? '';
    const texts: Record<string, string> = {
      refused: '连接被拒绝',
      dns: '无法解析域名',
      'connect-timeout': '连接超时',
      timeout: '响应超时',
      network: '连接中断',
      http: 'HTTP 状态异常',
    };
    return texts[failure] ?? '网络错误';
  });
  protected readonly lastOk = computed(() => {
    const at = this.state()?.lastOkAt ?? null;
    return at === null
      ? '本次启动后尚无成功的企业微信调用。'
      : `最近一次成功调用：${formatDateTime(Date.parse(at), this.session.timeZone())}`;
  });
}

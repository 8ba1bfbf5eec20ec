import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { SetupGuide } from '../login/setup-guide.js';
import { TrustedIpPanel } from '../login/trusted-ip-panel.js';

/** Step 4: this machine's public IP and the steps to trust it in the WeCom admin console (R2.6, R2.7). */
@Component({
  selector: 'wl-trusted-ip-step',
  imports: [MatButton, SetupGuide, TrustedIpPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>设置企业可信 IP</h2>
    <p class="lead">
      企业微信只接受来自「企业可信 IP」的接口调用。请检测本机公网 IP，并按以下步骤加入自建应用的可信 IP；
      以后若出现「IP 不被信任」（错误码 60020），软件会自动记录新的 IP 并提示您补充。
    </p>
    <div class="columns">
      <wl-trusted-ip-panel />
      <wl-setup-guide />
    </div>
    <div class="actions">
      <button matButton="filled" type="button" (click)="next.emit()" data-testid="ips-next">
        已加入可信 IP，下一步
      </button>
      <button matButton type="button" (click)="skip.emit()" data-testid="ips-skip">稍后设置</button>
    </div>
  `,
  styleUrl: './wizard-step.scss',
  styles: `
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 719px) {
      .columns {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class TrustedIpStep {
  /** The IP was added in the WeCom console: the step is done. */
  readonly next = output();
  /** Left for later: the step stays unticked. */
  readonly skip = output();
}

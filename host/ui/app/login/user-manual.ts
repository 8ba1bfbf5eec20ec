import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SetupGuide } from './setup-guide.js';
import { TrustedIpPanel } from './trusted-ip-panel.js';

/** The user-manual area of the home page (R2.6): the public IP first, then how to configure the app. */
@Component({
  selector: 'wl-user-manual',
  imports: [SetupGuide, TrustedIpPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="manual" aria-labelledby="wl-manual-title">
      <h2 id="wl-manual-title">使用说明</h2>
      <p class="lead">
        企业微信只接受来自「企业可信 IP」的接口调用。首次使用前，请把本机公网 IP 加入应用的可信 IP。
      </p>
      <wl-trusted-ip-panel />
      <h3>配置企业微信自建应用</h3>
      <wl-setup-guide />
    </section>
  `,
  styles: `
    .manual {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .lead {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class UserManual {}

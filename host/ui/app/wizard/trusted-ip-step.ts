import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { SetupGuide } from '../login/setup-guide.js';
import { TrustedIpPanel } from '../login/trusted-ip-panel.js';

/** Step 4: this machine's public IP and the steps to trust it in the WeCom admin console (R2.6, R2.7). */
@Component({
  selector: 'wl-trusted-ip-step',
  imports: [MatButton, SetupGuide, TrustedIpPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./wizard-step.scss', './trusted-ip-step.scss'],
  templateUrl: './trusted-ip-step.html',
})
export class TrustedIpStep {
  /** The IP was added in the WeCom console: the step is done. */
  readonly next = output();
  /** Left for later: the step stays unticked. */
  readonly skip = output();
}

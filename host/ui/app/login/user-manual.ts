import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SetupGuide } from './setup-guide.js';
import { TrustedIpPanel } from './trusted-ip-panel.js';

/** The user-manual area of the home page (R2.6): the public IP first, then how to configure the app. */
@Component({
  selector: 'wl-user-manual',
  imports: [SetupGuide, TrustedIpPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-manual.html',
  styleUrl: './user-manual.scss',
})
export class UserManual {}

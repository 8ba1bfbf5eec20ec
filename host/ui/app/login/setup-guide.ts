import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Glyph } from './glyph.js';
import { WECOM_APPS_CONSOLE_URL } from '../../../../sdk/ui/trusted-ip-info.js';

/** The short how-to of configuring the WeCom app for this machine (R2.6, R2.7). */
@Component({
  selector: 'wl-setup-guide',
  imports: [Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-guide.html',
  styleUrl: './setup-guide.scss',
})
export class SetupGuide {
  readonly consoleUrl = input(WECOM_APPS_CONSOLE_URL);
}

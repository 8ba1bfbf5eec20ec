import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { AppSession } from '../../../../sdk/ui/session.js';
import { CorpLoginForm } from './corp-login-form.js';
import { Disclaimer } from './disclaimer.js';
import { Glyph } from './glyph.js';
import { RootLoginForm } from './root-login-form.js';
import { ThemeSwitch } from './theme-switch.js';
import { UserManual } from './user-manual.js';

export type LoginMode = 'corp' | 'root';

/**
 * The home page (R2.1–R2.8): brand and user manual beside the login card on wide screens, one column
 * on narrow ones; the disclaimer at the bottom. WeCom login and root-admin login are two modes of the card.
 */
@Component({
  selector: 'wl-login-page',
  imports: [
    RouterLink,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    CorpLoginForm,
    Disclaimer,
    Glyph,
    RootLoginForm,
    ThemeSwitch,
    UserManual,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.component.html',
  styleUrl: './login-page.scss',
})
export class LoginPage implements OnInit {
  protected readonly session = inject(AppSession);
  readonly mode = signal<LoginMode>('corp');

  ngOnInit(): void {
    // The shell normally has the status already; on a direct visit, ask, so the first-run hint is right.
    if (!this.session.statusLoaded()) this.session.refreshStatus().catch(() => undefined);
  }
}

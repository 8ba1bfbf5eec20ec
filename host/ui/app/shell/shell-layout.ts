import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  linkedSignal,
  untracked,
} from '@angular/core';
import { MatDividerModule } from '@angular/material/divider';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterModule } from '@angular/router';
import { TIER_LABELS } from '../../../../sdk/contracts/tiers.js';
import { ICON_BUTTON_IMPORTS } from '../../../../sdk/ui/page-imports.js';
import { injectBreakpoint, NARROW_SHELL_QUERY } from '../../../../sdk/ui/breakpoints.js';
import { appIconName } from '../../../../sdk/ui/icons.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { THEME_LABELS, THEME_MODES, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { APP_NAME } from '../app-title.js';
import { PluginMenu } from '../plugin-menu.js';
import { ReportMenu } from '../reports/report-menu.js';
import { WeComConnectionChip } from './wecom-connection-chip.js';

/** The frame's parts: the toolbar, the side navigation with its menu list, the account menu. */
const FRAME_IMPORTS = [
  MatToolbarModule,
  MatSidenavModule,
  MatListModule,
  MatMenuModule,
  MatDividerModule,
] as const;

const THEME_ICONS: Record<ThemeMode, string> = { system: 'contrast', light: 'light_mode', dark: 'dark_mode' };

/** The signed-in frame: toolbar (account, theme, sign out) and the menu of the plugins this account may use. */
@Component({
  selector: 'wl-shell-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ICON_BUTTON_IMPORTS, FRAME_IMPORTS, RouterModule, WeComConnectionChip],
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.scss',
})
export class ShellLayout {
  protected readonly session = inject(AppSession);
  protected readonly theme = inject(AppTheme);
  private readonly menu = inject(PluginMenu);
  private readonly router = inject(Router);

  protected readonly appName = APP_NAME;
  protected readonly entries = this.menu.entries;
  /** The report plugins this account may run (`reports.available`). */
  protected readonly reports = inject(ReportMenu).entries;
  protected readonly narrow = injectBreakpoint(NARROW_SHELL_QUERY);
  /** Open beside the page on wide screens, closed (and sliding over) on narrow ones; the user toggles. */
  protected readonly navOpen = linkedSignal(() => !this.narrow());
  protected readonly tierLabel = computed(() => {
    const tier = this.session.tier();
    return tier === null ? '' : TIER_LABELS[tier];
  });
  /** The account's name; empty when it would only repeat the tier chip (root-admin is 「超级管理员」). */
  protected readonly displayName = computed(() => {
    const user = this.session.user();
    const name = user?.username || user?.userid || '';
    return name === this.tierLabel() ? '' : name;
  });
  protected readonly themeModes = THEME_MODES;
  protected readonly themeLabels = THEME_LABELS;
  protected readonly themeIcons = THEME_ICONS;
  protected readonly iconName = appIconName;

  constructor() {
    // Signed out here or elsewhere (the host ended the session): back to the login page.
    effect(() => {
      if (!this.session.loggedIn()) void untracked(() => this.router.navigateByUrl('/login'));
    });
    // A plugin disabled while its page is open (plugins.changed): leave it for the first allowed page.
    effect(() => {
      const allowed = new Set(this.entries().map((entry) => entry.route));
      untracked(() => {
        // Signing out empties the menu too; the login redirect above handles that case.
        if (!this.session.loggedIn()) return;
        const first = this.router.url.split(/[/?#]/)[1] ?? '';
        const owner = this.menu.all.find((entry) => entry.route === first);
        if (owner !== undefined && !allowed.has(owner.route)) void this.router.navigateByUrl('/');
      });
    });
  }

  protected navigated(): void {
    if (this.narrow()) this.navOpen.set(false);
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
  }
}

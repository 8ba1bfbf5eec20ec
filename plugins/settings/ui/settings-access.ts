import { computed, inject, Injectable } from '@angular/core';
import { AppSession } from '../../../sdk/ui/session.js';
import { pagesFor, SETTINGS_PAGES } from './settings-pages.js';

/** Who is looking at the settings pages, and so which pages and actions they get. */
@Injectable({ providedIn: 'root' })
export class SettingsAccess {
  private readonly session = inject(AppSession);

  readonly tier = this.session.tier;
  readonly user = this.session.user;
  readonly corp = this.session.corp;
  readonly isRoot = computed(() => this.tier() === 'root-admin');
  /** root-admin or a WeCom admin. */
  readonly isAdmin = computed(() => this.tier() === 'root-admin' || this.tier() === 'wecom-admin');
  readonly pages = computed(() => pagesFor(this.tier()));

  mayOpen(path: string): boolean {
    const tier = this.tier();
    const page = SETTINGS_PAGES.find((candidate) => candidate.path === path);
    return tier !== null && page !== undefined && page.tiers.includes(tier);
  }

  /** The page /settings opens on for this account. */
  firstPage(): string {
    return this.pages()[0]?.path ?? 'about';
  }
}

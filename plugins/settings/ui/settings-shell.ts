import { Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TIER_LABELS } from '../../../sdk/contracts/tiers.js';
import { SettingsAccess } from './settings-access.js';

/** 系统设置: the page title, the account it applies to, and the tabs of the pages this tier may use. */
@Component({
  selector: 'wls-settings-shell',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <div class="settings">
      <header class="head">
        <h1>系统设置</h1>
        @if (who(); as text) {
          <p class="who">{{ text }}</p>
        }
      </header>
      <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="设置页面" class="tabs" mat-stretch-tabs="false">
        @for (page of access.pages(); track page.path) {
          <a
            mat-tab-link
            [routerLink]="page.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
            >{{ page.label }}</a
          >
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel">
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .settings {
      max-width: 1200px;
      margin: 0 auto;
      padding: 24px 24px 48px;
      box-sizing: border-box;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 16px;
      margin-bottom: 8px;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .who {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .tabs {
      margin-bottom: 16px;
    }
    /* Ten tabs for root-admin: narrower than Material's 90px + 24px padding so they fit a desktop
       window; narrower windows still page through them with the arrows. */
    .tabs a.mat-mdc-tab-link {
      min-width: 0;
      padding-inline: 14px;
    }
    @media (max-width: 719.98px) {
      .settings {
        padding: 12px 12px 32px;
      }
    }
  `,
})
export class SettingsShell {
  protected readonly access = inject(SettingsAccess);

  protected readonly who = computed(() => {
    const user = this.access.user();
    if (user === null) return null;
    const tier = TIER_LABELS[user.tier];
    const named = user.username !== '' && user.username !== user.userid && user.username !== tier;
    const name = named ? `${user.username}（${user.userid}）` : user.userid;
    return [tier, name, this.access.corp()?.corpname ?? '本机'].join(' · ');
  });
}

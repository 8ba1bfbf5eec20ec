import { Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TIER_LABELS } from '../../../sdk/contracts/tiers.js';
import { SettingsAccess } from './settings-access.js';

/** 系统设置: the page title, the account it applies to, and the tabs of the pages this tier may use. */
@Component({
  selector: 'wls-settings-shell',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './settings-shell.component.html',
  styleUrl: './settings-shell.scss',
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

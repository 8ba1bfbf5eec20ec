import { ChangeDetectionStrategy, Component, computed, inject, Injectable, signal } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { AppSession } from '../../../sdk/ui/session.js';

const KEY_PREFIX = 'wl.live-create.afterCreate';

/**
 * What happens after a live is created (R3.2): open menu 2 (成员直播列表) showing the new live — the
 * default, as the customer's document asks — or stay on the form to create the next one. Remembered per
 * user (corp and userid) in this browser profile.
 */
@Injectable({ providedIn: 'root' })
export class AfterCreatePreference {
  private readonly session = inject(AppSession);
  private readonly version = signal(0);

  private readonly key = computed(() => {
    const corp = this.session.corp()?.corpId ?? '-';
    const user = this.session.user()?.userid ?? '-';
    return `${KEY_PREFIX}:${corp}:${user}`;
  });

  /** True: open the live list after a creation; false: stay on the form. */
  readonly openList = computed(() => {
    this.version();
    try {
      return localStorage.getItem(this.key()) !== 'stay';
    } catch {
      return true;
    }
  });

  set(openList: boolean): void {
    try {
      localStorage.setItem(this.key(), openList ? 'list' : 'stay');
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    this.version.update((value) => value + 1);
  }
}

/** The remembered choice under the create form. */
@Component({
  selector: 'wlc-after-create-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule],
  templateUrl: './after-create-choice.html',
  styleUrl: './after-create-choice.scss',
})
export class AfterCreateChoice {
  protected readonly preference = inject(AfterCreatePreference);
}

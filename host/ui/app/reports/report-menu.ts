import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { ReportMenuEntry } from '../../../../sdk/contracts/reports.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { REPORTS_AVAILABLE } from '../../../../sdk/contracts/reports-channels.js';

/**
 * The report entries of the menu: the enabled reports this account may run, from `reports.available`
 * (not the build-time plugin registry: reports are installed into the data folder at run time). Asked
 * again on sign-in and whenever the host says reports changed.
 */
@Injectable({ providedIn: 'root' })
export class ReportMenu {
  private readonly rpc = inject(RpcClient);
  private readonly session = inject(AppSession);
  readonly entries = signal<ReportMenuEntry[]>([]);

  constructor() {
    effect(() => {
      const signedIn = this.session.loggedIn() && this.session.corp() !== null;
      untracked(() => (signedIn ? void this.refresh() : this.entries.set([])));
    });
    const subscription = this.rpc.on('reports.changed').subscribe(() => void this.refresh());
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  async refresh(): Promise<void> {
    if (!this.session.loggedIn() || this.session.corp() === null) return;
    try {
      this.entries.set(await this.rpc.call(REPORTS_AVAILABLE));
    } catch {
      // The menu keeps what it had; the report page itself says what went wrong.
    }
  }
}

import { DestroyRef, inject, Injectable } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { filter } from 'rxjs/operators';
import type { HostEventMap } from '../contracts/events.js';
import { RpcClient } from './rpc-client.js';
import { TrustedIpDialog } from './trusted-ip-dialog.js';
import { trustedIpInfoFromError, trustedIpInfoFromEvent, type TrustedIpInfo } from './trusted-ip-info.js';

/** After the dialog was closed, background 60020s for the same IP stay quiet this long (R2.7's retry wait). */
const QUIET_MS = 5 * 60_000;

/**
 * Opens the trusted-IP dialog app-wide (R2.7) whenever a call answers WECOM_IP_NOT_ALLOWED or the host
 * reports a 60020 from background work (`wecom.ipNotAllowed`). One dialog at a time: a new report while
 * it is open only refreshes its list. Started once by the app (`start()`).
 */
@Injectable({ providedIn: 'root' })
export class IpNotAllowedWatcher {
  private readonly rpc = inject(RpcClient);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private ref: MatDialogRef<TrustedIpDialog> | null = null;
  private dismissed: { ip: string | null; at: number } | null = null;
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    const fromCalls = this.rpc.errors$
      .pipe(filter((error) => error.code === 'WECOM_IP_NOT_ALLOWED'))
      .subscribe((error) => this.show(trustedIpInfoFromError(error), false));
    const fromJobs = this.rpc
      .on<HostEventMap['wecom.ipNotAllowed']>('wecom.ipNotAllowed')
      .subscribe((payload) => this.show(trustedIpInfoFromEvent(payload), true));
    this.destroyRef.onDestroy(() => {
      fromCalls.unsubscribe();
      fromJobs.unsubscribe();
    });
  }

  /** Opens the dialog, or refreshes the open one. A background report the user just dismissed waits. */
  show(info: TrustedIpInfo, background: boolean): void {
    if (this.ref !== null) {
      this.ref.componentInstance.update(info);
      return;
    }
    const quiet =
      this.dismissed !== null && this.dismissed.ip === info.ip && Date.now() - this.dismissed.at < QUIET_MS;
    if (background && quiet) return;
    this.ref = this.dialog.open(TrustedIpDialog, {
      data: info,
      width: '640px',
      maxWidth: 'calc(100vw - 32px)',
      restoreFocus: true,
    });
    const shown = this.ref.componentInstance;
    this.ref.afterClosed().subscribe(() => {
      this.dismissed = { ip: shown.info().ip, at: Date.now() };
      this.ref = null;
    });
  }
}

import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { WeComConnectionState } from '../../../../sdk/contracts/wecom-connection.js';
import { RpcClient } from '../../../../sdk/ui/rpc-client.js';
import { AppSession } from '../../../../sdk/ui/session.js';
import { WECOM_CONNECTION, WECOM_CONNECTION_CHECK } from '../../../../sdk/contracts/wecom-channels.js';

/**
 * The current corp's WeCom connection state for the shell: read once per login (`wecom.connection`),
 * then kept up to date by the host's `wecom.connection` events (only this corp's reach this session).
 */
@Injectable({ providedIn: 'root' })
export class WeComConnectionStore {
  private readonly rpc = inject(RpcClient);
  private readonly session = inject(AppSession);
  readonly state = signal<WeComConnectionState | null>(null);
  readonly checking = signal(false);

  constructor() {
    const events = this.rpc.on<WeComConnectionState>('wecom.connection').subscribe((state) => {
      if (state.corpId === this.session.corp()?.corpId) this.state.set(state);
    });
    inject(DestroyRef).onDestroy(() => events.unsubscribe());
    effect(() => {
      const corpId = this.session.corp()?.corpId ?? null;
      untracked(() => {
        this.state.set(null);
        if (corpId !== null) void this.load();
      });
    });
  }

  /** Asks WeCom now (gettoken + agent/get); the answer is the new state. */
  async check(): Promise<void> {
    if (this.session.corp() === null) return;
    this.checking.set(true);
    try {
      this.state.set(await this.rpc.call(WECOM_CONNECTION_CHECK));
    } catch {
      // The indicator keeps its last state; the call's own error snack is not needed here.
    } finally {
      this.checking.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      this.state.set(await this.rpc.call(WECOM_CONNECTION));
    } catch {
      this.state.set(null);
    }
  }
}

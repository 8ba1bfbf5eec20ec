import { computed, DestroyRef, effect, inject, Injectable, untracked } from '@angular/core';
import { Store } from '@ngrx/store';
import type { PluginStatus } from '../contracts/events.js';
import type { HostStatus, LoginResult, SessionCorp, SessionUser } from '../contracts/host-status.js';
import type { AccountTier } from '../contracts/tiers.js';
import { RpcClient } from './rpc-client.js';
import { PluginsActions, pluginsFeature } from './state/plugins.state.js';
import { ACCOUNT_STORAGE_KEY, SessionActions, sessionFeature } from './state/session.state.js';
import { AUTH_LOGOUT } from '../contracts/auth-channels.js';
import { HOST_STATUS } from '../contracts/host-channels.js';

/**
 * The signed-in account and the host's status, for every page: a facade over the app store.
 * Needs `provideAppState()` (sdk/ui/state/app-state.ts) among the providers, also in TestBeds.
 *
 * After `auth.login` succeeded, call `signedIn(result)`; after the first-run setup, `refreshStatus()`.
 */
@Injectable({ providedIn: 'root' })
export class AppSession {
  private readonly rpc = inject(RpcClient);
  private readonly store = inject(Store);

  private readonly sessionState = this.store.selectSignal(sessionFeature.selectSessionState);
  private readonly pluginsState = this.store.selectSignal(pluginsFeature.selectPluginsState);

  readonly user = computed<SessionUser | null>(() => this.sessionState().user);
  readonly corp = computed<SessionCorp | null>(() => this.sessionState().corp);
  readonly tier = computed<AccountTier | null>(() => this.sessionState().user?.tier ?? null);
  /** Signed in and still holding a session token (the client drops it when the host answers UNAUTHENTICATED). */
  readonly loggedIn = computed(() => this.sessionState().loggedIn && this.rpc.session() !== null);
  /** True while no root-admin password exists: the setup wizard comes first. */
  readonly firstRun = computed(() => this.pluginsState().firstRun);
  /** Whether `host.status` has answered once; until then `firstRun` and `plugins` are not known. */
  readonly statusLoaded = computed(() => this.pluginsState().loaded);
  readonly plugins = computed<PluginStatus[]>(() => this.pluginsState().statuses);
  readonly version = computed(() => this.pluginsState().version);
  /** The zone every time on screen is shown in (format with sdk/ui's DateTimeText). */
  readonly timeZone = computed(() => this.pluginsState().timeZone);

  constructor() {
    const subscription = this.rpc
      .on<{ plugins: PluginStatus[] }>('plugins.changed')
      .subscribe(({ plugins }) => this.store.dispatch(PluginsActions.changed({ plugins })));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
    // The host ended the session (expired, or signed out elsewhere): forget the account too.
    // Only a token that goes away counts: before the app connects there is none yet.
    let previous: string | null = null;
    effect(() => {
      const current = this.rpc.session();
      if (previous !== null && current === null && untracked(this.sessionState).loggedIn) {
        untracked(() => this.clear());
      }
      previous = current;
    });
  }

  /** Keeps the login's session and account; the caller navigates on. */
  signedIn(result: LoginResult): void {
    this.rpc.setSession(result.session);
    const corp = result.corp ?? null;
    try {
      sessionStorage.setItem(ACCOUNT_STORAGE_KEY, JSON.stringify({ user: result.user, corp }));
    } catch {
      // Storage can be unavailable (private modes); the account then lasts until a reload.
    }
    this.store.dispatch(SessionActions.signedIn({ user: result.user, corp }));
  }

  /** Ends the session on the host (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    try {
      if (this.rpc.session() !== null) await this.rpc.call(AUTH_LOGOUT);
    } catch {
      // An already expired session is as good as signed out.
    } finally {
      this.rpc.setSession(null);
      this.clear();
    }
  }

  /** Reads `host.status` (version, first run, plugin states) into the store; rejects with an RpcError. */
  async refreshStatus(): Promise<HostStatus> {
    const status = await this.rpc.call(HOST_STATUS);
    this.store.dispatch(PluginsActions.statusLoaded({ status }));
    return status;
  }

  private clear(): void {
    try {
      sessionStorage.removeItem(ACCOUNT_STORAGE_KEY);
    } catch {
      // See signedIn.
    }
    this.store.dispatch(SessionActions.signedOut());
  }
}

import { createActionGroup, createFeature, createReducer, emptyProps, on, props } from '@ngrx/store';
import type { SessionCorp, SessionUser } from '../../contracts/host-status.js';

/** Who is signed in. The session token itself lives in RpcClient; this is what the UI shows and guards on. */
export interface SessionState {
  user: SessionUser | null;
  corp: SessionCorp | null;
  loggedIn: boolean;
}

export const SessionActions = createActionGroup({
  source: 'Session',
  events: {
    'Signed In': props<{ user: SessionUser; corp: SessionCorp | null }>(),
    'Signed Out': emptyProps(),
  },
});

/** Kept beside RpcClient's session token so a reload of the page still knows the account. */
export const ACCOUNT_STORAGE_KEY = 'wecom-live.account';
const SESSION_TOKEN_KEY = 'wecom-live.session';

export const signedOutState: SessionState = { user: null, corp: null, loggedIn: false };

/** The account saved by the last sign-in of this tab, when its session token is still there. */
export function restoreSessionState(storage: Storage = sessionStorage): SessionState {
  try {
    const saved = storage.getItem(ACCOUNT_STORAGE_KEY);
    if (saved === null || storage.getItem(SESSION_TOKEN_KEY) === null) return signedOutState;
    const account = JSON.parse(saved) as { user?: SessionUser; corp?: SessionCorp | null };
    if (account.user === undefined) return signedOutState;
    return { user: account.user, corp: account.corp ?? null, loggedIn: true };
  } catch {
    return signedOutState;
  }
}

export const sessionFeature = createFeature({
  name: 'session',
  reducer: createReducer(
    signedOutState,
    on(SessionActions.signedIn, (_state, { user, corp }): SessionState => ({ user, corp, loggedIn: true })),
    on(SessionActions.signedOut, (): SessionState => signedOutState),
  ),
});

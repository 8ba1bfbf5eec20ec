import type { EnvironmentProviders } from '@angular/core';
import { provideStore } from '@ngrx/store';
import { pluginsFeature, type PluginsState } from './plugins.state.js';
import { restoreSessionState, sessionFeature, type SessionState } from './session.state.js';
import { restoreThemeState, themeFeature, type ThemeState } from './theme.state.js';

export interface AppState {
  session: SessionState;
  plugins: PluginsState;
  theme: ThemeState;
}

/**
 * The app-wide NgRx store (session, plugin statuses, theme). Provide it once in the app config, and in
 * any TestBed that uses AppSession or AppTheme: `providers: [provideAppState()]`.
 */
export function provideAppState(): EnvironmentProviders {
  return provideStore<AppState>(
    {
      [sessionFeature.name]: sessionFeature.reducer,
      [pluginsFeature.name]: pluginsFeature.reducer,
      [themeFeature.name]: themeFeature.reducer,
    },
    {
      // Read when the store starts, so a reload keeps the account of this tab and the chosen theme.
      initialState: (): Partial<AppState> => ({
        session: restoreSessionState(),
        theme: restoreThemeState(),
      }),
    },
  );
}

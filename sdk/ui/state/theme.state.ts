import { createActionGroup, createFeature, createReducer, on, props } from '@ngrx/store';

export type ThemeMode = 'system' | 'light' | 'dark';

export const THEME_MODES: readonly ThemeMode[] = ['system', 'light', 'dark'];

export const THEME_LABELS: Record<ThemeMode, string> = {
  system: '跟随系统',
  light: '明亮',
  dark: '暗色',
};

export interface ThemeState {
  mode: ThemeMode;
}

export const ThemeActions = createActionGroup({
  source: 'Theme',
  events: {
    'Mode Chosen': props<{ mode: ThemeMode }>(),
  },
});

export const THEME_STORAGE_KEY = 'wecom-live.theme';

/** The remembered choice; anything unreadable means "follow the system". */
export function restoreThemeState(storage: Storage = localStorage): ThemeState {
  try {
    const saved = storage.getItem(THEME_STORAGE_KEY);
    return { mode: THEME_MODES.includes(saved as ThemeMode) ? (saved as ThemeMode) : 'system' };
  } catch {
    return { mode: 'system' };
  }
}

export const themeFeature = createFeature({
  name: 'theme',
  reducer: createReducer<ThemeState>(
    { mode: 'system' },
    on(ThemeActions.modeChosen, (_state, { mode }): ThemeState => ({ mode })),
  ),
});

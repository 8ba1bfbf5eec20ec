import { computed, DestroyRef, DOCUMENT, effect, inject, Injectable, signal } from '@angular/core';
import { Store } from '@ngrx/store';
import { THEME_STORAGE_KEY, ThemeActions, themeFeature, type ThemeMode } from './state/theme.state.js';

/**
 * The colour scheme choice (R2.1): follow the system, light or dark; remembered in localStorage and
 * applied as `html.theme-light` / `html.theme-dark` (none for the system's). Needs `provideAppState()`.
 */
@Injectable({ providedIn: 'root' })
export class AppTheme {
  private readonly store = inject(Store);
  private readonly document = inject(DOCUMENT);
  readonly mode = this.store.selectSignal(themeFeature.selectMode);
  /** The scheme in effect now, for pages that draw their own colours (charts). */
  readonly dark = computed(() => (this.mode() === 'system' ? this.systemDark() : this.mode() === 'dark'));
  private readonly systemDark = signal(false);

  constructor() {
    const query = this.document.defaultView?.matchMedia?.('(prefers-color-scheme: dark)');
    if (query !== undefined) {
      this.systemDark.set(query.matches);
      const listen = (event: MediaQueryListEvent) => this.systemDark.set(event.matches);
      query.addEventListener('change', listen);
      inject(DestroyRef).onDestroy(() => query.removeEventListener('change', listen));
    }
    effect(() => {
      const classes = this.document.documentElement.classList;
      classes.toggle('theme-light', this.mode() === 'light');
      classes.toggle('theme-dark', this.mode() === 'dark');
    });
  }

  choose(mode: ThemeMode): void {
    try {
      if (mode === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, mode);
    } catch {
      // Without storage the choice lasts for this window only.
    }
    this.store.dispatch(ThemeActions.modeChosen({ mode }));
  }
}

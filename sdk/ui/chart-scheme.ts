import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, signal, type Signal } from '@angular/core';
import { AppTheme } from './theme.js';

/**
 * Whether charts should draw for a dark page: the `theme-dark` / `theme-light` class of <html> as it
 * stands (AppTheme sets it; so may anything else, e.g. a screenshot of both schemes), else AppTheme's
 * own answer. ECharts takes colours, not CSS variables, so a chart re-renders when this changes.
 * Call in an injection context; the observer ends with the component.
 */
export function injectChartDark(): Signal<boolean> {
  const theme = inject(AppTheme);
  const html = inject(DOCUMENT).documentElement;
  const scheme = signal<'dark' | 'light' | null>(null);
  const read = (): void =>
    scheme.set(
      html.classList.contains('theme-dark')
        ? 'dark'
        : html.classList.contains('theme-light')
          ? 'light'
          : null,
    );
  read();
  const observer = new MutationObserver(read);
  observer.observe(html, { attributes: true, attributeFilter: ['class'] });
  inject(DestroyRef).onDestroy(() => observer.disconnect());
  return computed(() => {
    const forced = scheme();
    return forced === null ? theme.dark() : forced === 'dark';
  });
}

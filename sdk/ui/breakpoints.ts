import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs/operators';

/** Below this width tables turn into cards and a page stacks its parts (phones, a narrow window). */
export const NARROW_QUERY = '(max-width: 719.98px)';
/** Below this width the shell's navigation slides over the page instead of sitting beside it. */
export const NARROW_SHELL_QUERY = '(max-width: 959.98px)';

/** True while the media query matches, as a signal. Call in an injection context. */
export function injectBreakpoint(query: string = NARROW_QUERY): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(query).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(query),
  });
}

import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { map } from 'rxjs/operators';

/** Below this width tables turn into cards. */
export const NARROW_QUERY = '(max-width: 719.98px)';

/** True while the window is narrow (phones, a narrow Electron window). Call in an injection context. */
export function injectNarrow(): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(NARROW_QUERY).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(NARROW_QUERY),
  });
}

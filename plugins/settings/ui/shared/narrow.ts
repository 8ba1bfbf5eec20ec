import type { Signal } from '@angular/core';
import { injectBreakpoint, NARROW_QUERY } from '../../../../sdk/ui/breakpoints.js';

export { NARROW_QUERY };

/** True while the window is narrow (phones, a narrow Electron window). Call in an injection context. */
export function injectNarrow(): Signal<boolean> {
  return injectBreakpoint(NARROW_QUERY);
}

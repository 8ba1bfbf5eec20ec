import { isAppUrl } from './app-url.js';

// Copy buttons (the trusted-IP list, the recovery code) write to the clipboard; nothing else the
// browser could grant (camera, location, notifications, devices...) is ever needed.
const ALLOWED = new Set(['clipboard-sanitized-write']);

/** Whether a page may use a web permission: only our own origin, only what the UI needs. */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED.has(permission) && isAppUrl(requestingUrl);
}

// Electron serves the Angular build from a custom privileged scheme instead of file:// (docs/architecture.md "Electron"),
// so the page has a real origin for the CSP's 'self', path routing and the sender checks.

export const APP_SCHEME = 'app';
export const APP_HOST = 'wecom-live';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the window starts: the UI's root route. */
export const APP_START_URL = `${APP_ORIGIN}/`;

/** True for a URL of the app's own origin (`app://wecom-live/...`), false for anything else or garbage. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

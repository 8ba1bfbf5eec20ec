import { app, session, shell, type WebContents } from 'electron';
import { decideNavigation } from './navigation-policy.js';
import { isPermissionAllowed } from './permission-policy.js';

function openOutside(url: string | null): void {
  if (url !== null) void shell.openExternal(url).catch(() => undefined);
}

/**
 * Every webContents shows only the app (docs/architecture.md "Electron"): no new windows (http links open in the
 * system browser instead), no navigation or redirect away from `app://`, no <webview>.
 */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    openOutside(decision.allow ? null : decision.external);
    return { action: 'deny' };
  });
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (event.isMainFrame) openOutside(decision.external);
  });
  contents.on('will-redirect', (event) => {
    if (!decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the lock-down to every webContents and the permission policy to the default session. */
export function installWindowSecurity(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}

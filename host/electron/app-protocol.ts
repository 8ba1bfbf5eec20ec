import { protocol } from 'electron';
import { appProtocolResponse } from './app-protocol-response.js';
import { APP_SCHEME } from './app-url.js';

/**
 * Declares `app://` a standard, secure scheme (a real origin for 'self', fetch, path routing). Electron
 * accepts this only before the app is ready, so main.ts calls it while loading.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/** Serves the Angular build in `uiDir` on `app://wecom-live/` (after ready). */
export function serveAppProtocol(uiDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, uiDir));
}

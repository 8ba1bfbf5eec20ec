import {
  provideAppInitializer,
  inject,
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { HttpTransport } from '../../../sdk/ui/http-transport.js';
import { provideChineseDates } from '../../../sdk/ui/chinese-dates.js';
import { provideAppIcons } from '../../../sdk/ui/icons.js';
import { RpcClient } from '../../../sdk/ui/rpc-client.js';
import type { PreloadBridge } from '../../../sdk/ui/rpc-transport.js';
import { storedServerToken } from '../../../sdk/ui/server-token.js';
import { BridgeTransport } from '../../../sdk/ui/bridge-transport.js';
import { provideAppState } from '../../../sdk/ui/state/app-state.js';
import { AppTitleStrategy } from './app-title.js';
import { routes } from './app.routes.js';

declare global {
  interface Window {
    /** Present in Electron only: the preload's narrow bridge. */
    wecomLive?: PreloadBridge;
  }
}

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useExisting: AppTitleStrategy },
    provideAppState(),
    provideAppIcons(),
    // Every date picker in Chinese (labels, plain day numbers), whichever plugin shows it.
    provideChineseDates(),
    provideAppInitializer(() => {
      const client = inject(RpcClient);
      const bridge = window.wecomLive;
      if (bridge !== undefined) client.use(new BridgeTransport(bridge));
      else client.use(new HttpTransport(storedServerToken() ?? ''));
    }),
  ],
};

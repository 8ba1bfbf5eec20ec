import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { IpNotAllowedWatcher } from '../../../sdk/ui/ip-not-allowed-watcher.js';
import { serverTokenMissing } from '../../../sdk/ui/server-token.js';
import { AppTheme } from '../../../sdk/ui/theme.js';
import { TokenMissing } from './token-missing.js';

@Component({
  selector: 'wl-root',
  imports: [RouterOutlet, TokenMissing],
  templateUrl: './app.html',
})
export class App {
  /** Opened without `#token=…`: no page could work, so none is offered. */
  protected readonly tokenMissing = serverTokenMissing();

  constructor() {
    // App-wide from the first page on (the login page too): the theme class and the trusted-IP dialog.
    inject(AppTheme);
    if (!this.tokenMissing) inject(IpNotAllowedWatcher).start();
  }
}

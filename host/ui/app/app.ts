import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { IpNotAllowedWatcher } from '../../../sdk/ui/ip-not-allowed-watcher.js';
import { AppTheme } from '../../../sdk/ui/theme.js';

@Component({
  selector: 'wl-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class App {
  constructor() {
    // App-wide from the first page on (the login page too): the theme class and the trusted-IP dialog.
    inject(AppTheme);
    inject(IpNotAllowedWatcher).start();
  }
}

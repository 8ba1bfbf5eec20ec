import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * The loading, empty and error states a page shows in the same way (the settings pages use it with
 * `PageLoad` of sdk/ui/page-load.ts). `wls-page-state` is the name the settings pages knew it by.
 */
@Component({
  selector: 'wl-page-state, wls-page-state',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './page-state.html',
  styleUrl: './page-state.scss',
})
export class PageState {
  readonly state = input.required<'loading' | 'empty' | 'error'>();
  readonly message = input<string | null>(null);
  readonly retry = output<void>();
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import type { LiveOption } from '../../../sdk/contracts/lives-channels.js';
import { LivePicker } from '../../../sdk/ui/live-picker.js';

/** `/live`: find a live stored here and open it (the live list links straight to `/live/<id>`). */
@Component({
  selector: 'wl-live-picker-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LivePicker],
  templateUrl: './live-picker-page.html',
  styleUrl: './live-picker-page.scss',
})
export class LivePickerPage {
  private readonly router = inject(Router);

  protected open(live: LiveOption): void {
    void this.router.navigate(['/live', live.livingid]);
  }
}

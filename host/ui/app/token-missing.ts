import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * Browser mode opened without its server token (the address lacks `#token=…` and this tab never had it):
 * every call would be refused, so instead of a form that cannot work the page says how to get in.
 */
@Component({
  selector: 'wl-token-missing',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './token-missing.html',
  styleUrl: './token-missing.scss',
})
export class TokenMissing {}

import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PageState } from '../../../../sdk/ui/page-state.js';

/** What every settings page's template uses: buttons, cards, icons, progress bars and the page states. */
export const SETTINGS_PAGE_IMPORTS = [
  MatButtonModule,
  MatCardModule,
  MatIconModule,
  MatProgressBarModule,
  PageState,
] as const;

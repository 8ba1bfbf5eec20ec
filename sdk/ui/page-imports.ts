// The Angular Material pieces pages and dialogs use over and over, imported as one entry of a
// component's `imports` (docs/plugin-development.md "UI: routes, calls and shared pieces").
import { FormsModule, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialogModule } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';

/** Buttons with icons and their tooltips. */
export const ICON_BUTTON_IMPORTS = [MatButtonModule, MatIconModule, MatTooltipModule] as const;

/** A page of cards: buttons, cards, icons and progress bars. */
export const CARD_PAGE_IMPORTS = [
  MatButtonModule,
  MatCardModule,
  MatIconModule,
  MatProgressBarModule,
] as const;

/** Text fields bound with ngModel (a search box, a filter, a one-field form). */
export const NGMODEL_FIELD_IMPORTS = [FormsModule, MatFormFieldModule, MatInputModule] as const;

/** A reactive form's text fields. */
export const FORM_FIELD_IMPORTS = [MatFormFieldModule, MatInputModule, ReactiveFormsModule] as const;

/** A dialog with a form: its actions, fields and a progress bar while it sends. */
export const DIALOG_FORM_IMPORTS = [
  MatButtonModule,
  MatDialogModule,
  MatFormFieldModule,
  MatInputModule,
  MatProgressBarModule,
] as const;

/** A sortable, paged table. */
export const DATA_TABLE_IMPORTS = [MatPaginatorModule, MatSortModule, MatTableModule] as const;

/** Outlined fields whose hint/error line takes room only when shown: a form's `providers` entry. */
export const OUTLINED_FIELDS = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
} as const;

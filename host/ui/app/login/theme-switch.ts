import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatTooltip } from '@angular/material/tooltip';
import { THEME_LABELS, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { Glyph, type GlyphName } from './glyph.js';

/** The compact follow-system / light / dark switch of the home page (R2.1); the choice is remembered. */
@Component({
  selector: 'wl-theme-switch',
  imports: [MatButtonToggle, MatButtonToggleGroup, MatTooltip, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      aria-label="界面颜色"
      [value]="theme.mode()"
      (change)="theme.choose($event.value)"
    >
      @for (option of options; track option.mode) {
        <mat-button-toggle
          [value]="option.mode"
          [matTooltip]="labels[option.mode]"
          [attr.data-testid]="'theme-' + option.mode"
          [aria-label]="labels[option.mode]"
        >
          <wl-glyph [name]="option.glyph" />
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    mat-button-toggle-group {
      --mat-button-toggle-height: 36px;
      --wl-glyph-size: 18px;
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class ThemeSwitch {
  protected readonly theme = inject(AppTheme);
  protected readonly labels = THEME_LABELS;
  protected readonly options: Array<{ mode: ThemeMode; glyph: GlyphName }> = [
    { mode: 'system', glyph: 'contrast' },
    { mode: 'light', glyph: 'light_mode' },
    { mode: 'dark', glyph: 'dark_mode' },
  ];
}

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
  templateUrl: './theme-switch.html',
  styleUrl: './theme-switch.scss',
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

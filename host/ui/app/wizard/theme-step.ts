import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { THEME_LABELS, type ThemeMode } from '../../../../sdk/ui/state/theme.state.js';
import { AppTheme } from '../../../../sdk/ui/theme.js';
import { Glyph, type GlyphName } from '../login/glyph.js';

/** Step 5: follow the system, light or dark (R2.1); applied at once and remembered. */
@Component({
  selector: 'wl-theme-step',
  imports: [MatButton, Glyph],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./wizard-step.scss', './theme-step.scss'],
  templateUrl: './theme-step.html',
})
export class ThemeStep {
  protected readonly theme = inject(AppTheme);
  protected readonly labels = THEME_LABELS;
  readonly next = output();
  protected readonly options: Array<{ mode: ThemeMode; glyph: GlyphName; note: string }> = [
    { mode: 'system', glyph: 'contrast', note: '随操作系统的明暗设置切换' },
    { mode: 'light', glyph: 'light_mode', note: '明亮清爽，适合白天' },
    { mode: 'dark', glyph: 'dark_mode', note: '护眼暗色，适合夜间' },
  ];
}
